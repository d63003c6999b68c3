using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.Prediction;

/// <summary>
/// What a learner trains on, read once at the boundary: the feature columns, the label as class codes (classification)
/// or values (regression), and per-row weights. Rows whose label is missing are left out.
/// </summary>
public sealed class TrainingSet
{
    private TrainingSet(string[] features, Column[] columns, PredictionTask task, string[] classes, int[] classCodes, float[] targets, float[] weights)
    {
        Features = features;
        FeatureColumns = columns;
        Task = task;
        Classes = classes;
        ClassCodes = classCodes;
        Targets = targets;
        Weights = weights;
    }

    /// <summary>Feature column names, in the order of <see cref="FeatureColumns"/>.</summary>
    public IReadOnlyList<string> Features { get; }

    /// <summary>The feature columns restricted to the training rows (numeric, or categorical where allowed).</summary>
    public IReadOnlyList<Column> FeatureColumns { get; }

    public PredictionTask Task { get; }

    /// <summary>Class names in code order; empty for regression.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Class code of each row (classification); empty for regression.</summary>
    public int[] ClassCodes { get; }

    /// <summary>Label value of each row (regression); empty for classification.</summary>
    public float[] Targets { get; }

    /// <summary>Sample weight of each row: the frame's weight column, or 1.</summary>
    public float[] Weights { get; }

    public int RowCount => Weights.Length;

    /// <summary>
    /// Reads <paramref name="data"/>: every feature column (or those named) must be numeric, or categorical when
    /// <paramref name="allowCategorical"/>; NaN features are refused unless <paramref name="allowMissing"/>. A numeric label
    /// of few whole numbers is a class label (<see cref="LabelTask"/>), unless a regressor reads it
    /// (<paramref name="regression"/>): then every numeric label is values, and a categorical one is refused.
    /// </summary>
    public static TrainingSet Read(string step, DataFrame data, bool allowMissing, bool allowCategorical, IReadOnlyList<string>? features = null, bool regression = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.LabelName is null) ThrowHelper.NeedsLabel(step);
        if (regression && data.Label is not NumericColumn)
            throw new SchemaException($"{step}: label '{data.LabelName}' is {data.Label!.Kind.ToString().ToLowerInvariant()}; regression needs a numeric label (use a classifier for classes).");
        if (!regression) data = LabelTask.WithClassLabel(data);
        var task = regression ? PredictionTask.Regression : LabelTask.Detect(data);
        var label = data.Label!;
        var rows = Enumerable.Range(0, data.RowCount).Where(r => !label.IsMissing(r)).ToArray();
        if (rows.Length == 0) ThrowHelper.TooFewRows(step, 0, 1);

        var names = features?.ToArray() ?? [.. data.Features.Select(c => c.Name)];
        if (names.Length == 0) throw new SchemaException($"{step}: the data has no feature columns to learn from.");
        var columns = new Column[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var column = data[names[i]];
            if (data.RoleOf(names[i]) != ColumnRole.Feature)
                throw new SchemaException($"{step}: column '{names[i]}' is the {data.RoleOf(names[i]).ToString().ToLowerInvariant()}, not a feature.");
            var categoricalOk = allowCategorical && column.Kind == ColumnKind.Categorical;
            if (column.Kind != ColumnKind.Numeric && !categoricalOk)
            {
                if (column.Kind == ColumnKind.Categorical)
                    throw new SchemaException($"{step}: feature '{names[i]}' is categorical; encode it first (OneHotEncode, TargetEncode) or drop it.");
                throw new SchemaException($"{step}: feature '{names[i]}' is {column.Kind.ToString().ToLowerInvariant()}; drop it or turn it into numbers first.");
            }
            columns[i] = rows.Length == data.RowCount ? column : column.Take(rows);
            if (!allowMissing && columns[i].MissingCount() > 0)
                ThrowHelper.MissingValues(step, names[i], FirstMissing(columns[i]));
        }

        var weights = new float[rows.Length];
        var weightColumn = data.Weight;
        for (var i = 0; i < rows.Length; i++)
        {
            var w = weightColumn is null ? 1f : weightColumn[rows[i]];
            if (!(w >= 0) || float.IsInfinity(w))
                throw new DataValueException($"{step}: weight {w} in row {rows[i]} of '{data.WeightName}'; weights must be finite and not negative.");
            weights[i] = w;
        }

        if (task == PredictionTask.Regression)
        {
            var numeric = (NumericColumn)label;
            var targets = rows.Select(r => numeric[r]).ToArray();
            foreach (var t in targets)
            {
                if (float.IsInfinity(t)) throw new DataValueException($"{step}: label '{data.LabelName}' holds {t}; regression labels must be finite.");
            }
            return new TrainingSet(names, columns, task, [], [], targets, weights);
        }
        var categorical = (CategoricalColumn)label;
        var codes = rows.Select(r => categorical[r]).ToArray();
        if (codes.Distinct().Count() < 2) ThrowHelper.TooFewClasses(step, data.LabelName!, codes.Distinct().Count(), rows.Length);
        return new TrainingSet(names, columns, task, [.. categorical.Categories], codes, [], weights);
    }

    /// <summary>Numeric features as one row-major matrix (rows x features), for linear models and networks.</summary>
    public float[] RowMajor() => FeatureMatrix.RowMajor(FeatureColumns);

    private static int FirstMissing(Column column)
    {
        for (var r = 0; r < column.Length; r++) if (column.IsMissing(r)) return r;
        return -1;
    }
}
