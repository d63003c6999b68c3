using Microsoft.ML;
using Microsoft.ML.Data;
using Pipelines.Data;

namespace Pipelines.MLNet;

/// <summary>A read-only IDataView over a frame (see <see cref="FrameExport"/>); cursors walk the rows in order.</summary>
internal sealed class FrameDataView : IDataView
{
    private readonly DataFrame _frame;
    private readonly bool _keys;

    public FrameDataView(DataFrame frame, bool categoriesAsKeys)
    {
        _frame = frame;
        _keys = categoriesAsKeys;
        var builder = new DataViewSchema.Builder();
        foreach (var column in frame.Columns) AddColumn(builder, column);
        Schema = builder.ToSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _frame.RowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded.Select(c => c.Index));

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private void AddColumn(DataViewSchema.Builder builder, Column column)
    {
        switch (column)
        {
            case NumericColumn:
                builder.AddColumn(column.Name, NumberDataViewType.Single);
                break;
            case CategoricalColumn c when _keys:
                // A key type needs a count of at least one; a column with no categories gets one unused placeholder.
                ReadOnlyMemory<char>[] names = c.Categories.Count == 0 ? ["".AsMemory()] : [.. c.Categories.Select(n => n.AsMemory())];
                var annotations = new DataViewSchema.Annotations.Builder();
                ValueGetter<VBuffer<ReadOnlyMemory<char>>> getter = (ref VBuffer<ReadOnlyMemory<char>> value) =>
                    value = new VBuffer<ReadOnlyMemory<char>>(names.Length, names);
                annotations.Add("KeyValues", new VectorDataViewType(TextDataViewType.Instance, names.Length), getter);
                builder.AddColumn(column.Name, new KeyDataViewType(typeof(uint), names.Length), annotations.ToAnnotations());
                break;
            default:
                builder.AddColumn(column.Name, TextDataViewType.Instance);
                break;
        }
    }

    private sealed class Cursor : SequentialCursor
    {
        private readonly FrameDataView _parent;
        private readonly bool[] _active;

        public Cursor(FrameDataView parent, IEnumerable<int> active) : base(parent._frame.RowCount)
        {
            _parent = parent;
            _active = new bool[parent.Schema.Count];
            foreach (var i in active) _active[i] = true;
        }

        public override DataViewSchema Schema => _parent.Schema;

        public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!_active[column.Index])
                throw new InvalidOperationException($"Column '{column.Name}' was not requested when the cursor was made; pass it in columnsNeeded.");
            Delegate getter = _parent._frame[column.Index] switch
            {
                NumericColumn n => (ValueGetter<float>)((ref float value) => value = n[Row]),
                CategoricalColumn c when _parent._keys => (ValueGetter<uint>)((ref uint value) => value = (uint)(c[Row] + 1)),
                CategoricalColumn c => (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) => value = c.ValueAt(Row).AsMemory()),
                TextColumn t => (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) => value = t[Row].AsMemory()),
                var other => throw new NotSupportedException($"Column '{other.Name}' is {other.Kind}, which has no ML.NET type here."),
            };
            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' is {column.Type}; it cannot be read as {typeof(TValue).Name}.");
        }
    }
}
