using Microsoft.ML;
using Microsoft.ML.Data;

namespace Pipelines.MLNet;

/// <summary>
/// A row cursor that walks rows 0 to <c>rowCount - 1</c> of an in-memory view in order, in one batch; the views of this
/// assembly add their columns' getters.
/// </summary>
internal abstract class SequentialCursor(long rowCount) : DataViewRowCursor
{
    private long _position = -1;

    public override long Position => _position;

    public override long Batch => 0;

    /// <summary>The current row, as an index into the view's arrays.</summary>
    protected int Row => (int)_position;

    public override bool MoveNext()
    {
        if (_position + 1 >= rowCount)
        {
            _position = rowCount;
            return false;
        }
        _position++;
        return true;
    }

    public override ValueGetter<DataViewRowId> GetIdGetter() =>
        (ref DataViewRowId value) => value = new DataViewRowId((ulong)_position, 0);
}
