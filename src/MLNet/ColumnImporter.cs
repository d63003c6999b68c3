using Microsoft.ML;
using Microsoft.ML.Data;
using Pipelines.Data;

namespace Pipelines.MLNet;

/// <summary>
/// Reads one IDataView column, scalar or known-size vector, row by row into frame columns: one frame column per slot.
/// Subclasses decide what a value becomes; this base owns the getter and the vector-to-slots step.
/// </summary>
internal abstract class ColumnImporter<T> : IColumnImporter
{
    private ValueGetter<T>? _scalar;
    private ValueGetter<VBuffer<T>>? _vector;
    private T _value = default!;
    private VBuffer<T> _buffer;
    private readonly T[] _slots;

    protected ColumnImporter(DataViewSchema.Column source, IReadOnlyList<string> names)
    {
        Source = source;
        Names = names;
        _slots = new T[names.Count];
    }

    public DataViewSchema.Column Source { get; }

    /// <summary>The frame column names, one per slot (one for a scalar).</summary>
    public IReadOnlyList<string> Names { get; }

    public void Bind(DataViewRow row)
    {
        if (Source.Type is VectorDataViewType) _vector = row.GetGetter<VBuffer<T>>(Source);
        else _scalar = row.GetGetter<T>(Source);
    }

    public void ReadRow()
    {
        if (_scalar is not null)
        {
            _scalar(ref _value);
            Append(0, _value);
            return;
        }
        _vector!(ref _buffer);
        // Dense copy: slots a sparse vector leaves out hold the type's default (0, empty text, key 0 = missing).
        _buffer.CopyTo(_slots);
        for (var slot = 0; slot < _slots.Length; slot++) Append(slot, _slots[slot]);
    }

    public abstract IEnumerable<Column> Build(int rows);

    /// <summary>Adds the current row's value of slot <paramref name="slot"/>.</summary>
    protected abstract void Append(int slot, T value);
}

/// <summary>One IDataView column being read into frame columns.</summary>
internal interface IColumnImporter
{
    DataViewSchema.Column Source { get; }

    /// <summary>Makes the getters on <paramref name="row"/> (the cursor the import reads).</summary>
    void Bind(DataViewRow row);

    /// <summary>Reads the cursor's current row.</summary>
    void ReadRow();

    /// <summary>The frame columns of every row read.</summary>
    IEnumerable<Column> Build(int rows);
}
