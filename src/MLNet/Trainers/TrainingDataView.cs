using Microsoft.ML;
using Microsoft.ML.Data;
using Pipelines.Data;
using Pipelines.Prediction;
using Pipelines.Statistics;

namespace Pipelines.MLNet.Trainers;

/// <summary>
/// A <see cref="TrainingSet"/> as the IDataView ML.NET's trainers read: "Features" (a vector of Single, one slot per
/// feature, NaN kept), "Label" (Boolean: class code 1 is true, for binary; a key of the class count, code + 1, for
/// multiclass; Single for regression) and "Weight" (Single). Reads the set's columns where they are, a block of rows at
/// a time (<see cref="NumericColumn.CopyTo"/>), so derived columns (imputed, one-hot) are computed block by block and
/// never held whole.
/// </summary>
internal sealed class TrainingDataView : IDataView
{
    public const string Features = "Features";
    public const string Label = "Label";
    public const string Weight = "Weight";

    // About 64K values (256 KB) of features a cursor reads at once: a block of rows stays in cache while its rows are read.
    private const int BlockValues = 1 << 16;

    private readonly NumericColumn[] _columns;
    private readonly int _blockRows;
    private readonly PredictionTask _task;
    private readonly int[] _codes;
    private readonly float[] _targets;
    private readonly float[] _weights;
    private readonly int _classCount;

    public TrainingDataView(IReadOnlyList<NumericColumn> columns, PredictionTask task, int classCount, int[] codes, float[] targets, float[] weights)
    {
        _columns = [.. columns];
        _task = task;
        _codes = codes;
        _targets = targets;
        _weights = weights;
        _classCount = classCount;
        _blockRows = Math.Max(1, Math.Min(weights.Length, Math.Clamp(BlockValues / Math.Max(1, _columns.Length), 16, 1024)));
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(Features, new VectorDataViewType(NumberDataViewType.Single, _columns.Length));
        builder.AddColumn(Label, task switch
        {
            PredictionTask.BinaryClassification => BooleanDataViewType.Instance,
            PredictionTask.MulticlassClassification => new KeyDataViewType(typeof(uint), classCount),
            _ => NumberDataViewType.Single,
        });
        builder.AddColumn(Weight, NumberDataViewType.Single);
        Schema = builder.ToSchema();
    }

    /// <summary>
    /// The <paramref name="features"/> of <paramref name="frame"/> (numeric) as a view of this one's shape, every label the
    /// first class or 0: what the ML.NET model trained on this view transforms.
    /// </summary>
    public TrainingDataView ForFeatures(Pipelines.Data.DataFrame frame, IReadOnlyList<string> features)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var columns = features.Select(f => (NumericColumn)frame[f]).ToArray();
        var rows = frame.RowCount;
        return new TrainingDataView(columns, _task, _classCount, new int[rows], new float[rows], [.. Enumerable.Repeat(1f, rows)]);
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _weights.Length;

    /// <summary>Per feature, σ_j = sqrt(Σ_i w_i (x_ij - μ_j)² / Σ_i w_i) with μ_j the weighted mean (what linear models' standardized weights use).</summary>
    public double[] WeightedStandardDeviations()
    {
        var total = _weights.Sum(w => (double)w);
        return total > 0 ? [.. _columns.Select(c => Moments.WeightedMeanStd(c, _weights, total).Std)] : new double[_columns.Length];
    }

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(this)];

    private sealed class Cursor(TrainingDataView parent) : SequentialCursor(parent._weights.Length)
    {
        // The features of rows [_blockStart, _blockStart + block rows), column-major: feature f of row r at f · block rows + r - _blockStart.
        private float[]? _block;
        private int _blockStart = -1;

        public override DataViewSchema Schema => parent.Schema;

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            Delegate getter = column.Name switch
            {
                Features => (ValueGetter<VBuffer<float>>)GetFeatures,
                Weight => (ValueGetter<float>)((ref float value) => value = parent._weights[Row]),
                Label when parent._task == PredictionTask.BinaryClassification => (ValueGetter<bool>)((ref bool value) => value = parent._codes[Row] == 1),
                Label when parent._task == PredictionTask.MulticlassClassification => (ValueGetter<uint>)((ref uint value) => value = (uint)parent._codes[Row] + 1),
                Label => (ValueGetter<float>)((ref float value) => value = parent._targets[Row]),
                _ => throw new InvalidOperationException($"The training view has no column '{column.Name}'."),
            };
            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' is {column.Type}; it cannot be read as {typeof(TValue).Name}.");
        }

        private void GetFeatures(ref VBuffer<float> value)
        {
            var columns = parent._columns;
            var row = Row;
            var rows = parent._blockRows;
            if (_block is null || row < _blockStart || row >= _blockStart + rows) Load(row - row % rows);
            var editor = VBufferEditor.Create(ref value, columns.Length);
            var offset = row - _blockStart;
            for (var f = 0; f < columns.Length; f++) editor.Values[f] = _block![f * rows + offset];
            value = editor.Commit();
        }

        private void Load(int start)
        {
            var columns = parent._columns;
            var rows = parent._blockRows;
            _block ??= new float[columns.Length * rows];
            var count = Math.Min(rows, parent._weights.Length - start);
            for (var f = 0; f < columns.Length; f++) columns[f].CopyTo(start, _block.AsSpan(f * rows, count));
            _blockStart = start;
        }
    }
}
