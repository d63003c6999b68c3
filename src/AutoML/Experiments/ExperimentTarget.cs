using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Evaluation;
using Pipelines.Prediction;

namespace Pipelines.AutoML.Experiments;

/// <summary>
/// The label of the training data as scoring needs it: the task, the classes (in the label's category order, only
/// those present) and each row's class code or target; reads a fitted pipeline's prediction columns into row-major
/// outputs and scores them.
/// </summary>
public sealed class ExperimentTarget
{
    private readonly int[] _codes;
    private readonly float[] _targets;

    private ExperimentTarget(PredictionTask task, IReadOnlyList<string> classes, int[] codes, float[] targets)
    {
        Task = task;
        Classes = classes;
        _codes = codes;
        _targets = targets;
    }

    public PredictionTask Task { get; }

    /// <summary>Class names in output order (classification); empty for regression.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Values per row of a prediction: the class count, or 1 for regression.</summary>
    public int Width => Task == PredictionTask.Regression ? 1 : Classes.Count;

    public bool IsClassification => Task != PredictionTask.Regression;

    /// <summary>Reads the label of <paramref name="data"/> (a categorical label for classification, numeric for regression).</summary>
    public static ExperimentTarget Of(DataFrame data, PredictionTask task)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (task == PredictionTask.Regression)
        {
            var values = ((NumericColumn)data.Label!).ToArray();
            var missing = Array.FindIndex(values, float.IsNaN);
            if (missing >= 0) throw new DataValueException($"Label '{data.LabelName}' is missing in row {missing + 1}; drop rows without a label before AutoML.");
            return new ExperimentTarget(task, [], [], values);
        }
        var label = (CategoricalColumn)data.Label!;
        var counts = label.CountPerCategory();
        var present = Enumerable.Range(0, counts.Length).Where(c => counts[c] > 0).ToArray();
        if (present.Length < 2) ThrowHelper.TooFewClasses("AutoML", data.LabelName!, present.Length, data.RowCount);
        var remap = new int[counts.Length];
        Array.Fill(remap, -1);
        for (var i = 0; i < present.Length; i++) remap[present[i]] = i;
        var codes = new int[data.RowCount];
        for (var row = 0; row < codes.Length; row++)
        {
            var code = label[row];
            if (code == CategoricalColumn.Missing) throw new DataValueException($"Label '{data.LabelName}' is missing in row {row + 1}; drop rows without a label before AutoML.");
            codes[row] = remap[code];
        }
        return new ExperimentTarget(task, [.. present.Select(c => label.Categories[c])], codes, []);
    }

    /// <summary>
    /// The target of other rows of the same label (a test file): this target's task and classes in the same order, with
    /// each row's class looked up by name, so predictions of a model fitted on this target's rows read and score the same
    /// way. A missing label, or a class this target lacks, is a <see cref="DataValueException"/> naming the row.
    /// </summary>
    public ExperimentTarget ForRows(DataFrame data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Label is null) throw new SchemaException("Scoring rows needs their label column set (DataFrame.WithLabel).");
        if (!IsClassification)
        {
            if (data.Label is not NumericColumn numeric) throw new SchemaException($"Label '{data.LabelName}' must be numeric: the model predicts numbers (regression).");
            var values = numeric.ToArray();
            var missing = Array.FindIndex(values, float.IsNaN);
            if (missing >= 0) throw new DataValueException($"Label '{data.LabelName}' is missing in row {missing + 1}; drop rows without a label before scoring.");
            return new ExperimentTarget(Task, [], [], values);
        }
        var label = data.Label;
        var codes = new int[data.RowCount];
        for (var row = 0; row < codes.Length; row++)
        {
            var name = label is NumericColumn n ? (float.IsNaN(n[row]) ? null : n[row].ToString(System.Globalization.CultureInfo.InvariantCulture)) : label.FormatValue(row);
            if (name is null) throw new DataValueException($"Label '{data.LabelName}' is missing in row {row + 1}; drop rows without a label before scoring.");
            codes[row] = Classes.OrdinalIndexOf(name);
            if (codes[row] < 0)
                throw new DataValueException($"Label '{data.LabelName}' is '{name}' in row {row + 1}, not one of the classes the model knows ({string.Join(", ", Classes)}).");
        }
        return new ExperimentTarget(Task, Classes, codes, []);
    }

    /// <summary>Class code of each row (classification).</summary>
    public ReadOnlySpan<int> Codes => _codes;

    /// <summary>Target of each row (regression).</summary>
    public ReadOnlySpan<float> Targets => _targets;

    /// <summary>
    /// K² / Σ 1/n_k over the K classes present among <paramref name="rows"/> (classification): how many rows a figure
    /// that weighs every class the same (macro-F1, balanced accuracy) is worth for its noise, since each class counts as
    /// much however few rows it has. The row count when no class is present.
    /// </summary>
    public double ClassBalancedRows(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var counts = new int[Width];
        foreach (var row in rows) counts[_codes[row]]++;
        var present = counts.Where(c => c > 0).ToArray();
        return present.Length == 0 ? rows.Count : present.Length * (double)present.Length / present.Sum(c => 1.0 / c);
    }

    /// <summary>The class codes of <paramref name="rows"/>, in that order (classification).</summary>
    public int[] CodesOf(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var codes = new int[rows.Count];
        for (var i = 0; i < codes.Length; i++) codes[i] = _codes[rows[i]];
        return codes;
    }

    /// <summary>The targets of <paramref name="rows"/>, in that order (regression).</summary>
    public float[] TargetsOf(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var targets = new float[rows.Count];
        for (var i = 0; i < targets.Length; i++) targets[i] = _targets[rows[i]];
        return targets;
    }

    /// <summary>
    /// Copies the prediction columns of <paramref name="predicted"/> (a fitted pipeline's output) into
    /// <paramref name="output"/>, one row of <see cref="Width"/> values per predicted row, starting at row
    /// <paramref name="offset"/> of the output. A class the model never saw gets probability 0.
    /// </summary>
    public void ReadPredictions(DataFrame predicted, Span<float> output, int offset)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        if (!IsClassification)
        {
            ((NumericColumn)predicted[PredictionColumns.Score]).Values.CopyTo(output[offset..]);
            return;
        }
        var width = Width;
        for (var k = 0; k < width; k++)
        {
            var name = PredictionColumns.Probability(Classes[k]);
            if (!predicted.Contains(name)) continue;
            var values = ((NumericColumn)predicted[name]).Values;
            for (var row = 0; row < values.Length; row++) output[(offset + row) * width + k] = values[row];
        }
    }

    /// <summary>
    /// <paramref name="metric"/> of row-major <paramref name="predictions"/> for training rows <paramref name="rows"/>
    /// (in that order). NaN when the metric is undefined there (AUC with one class present).
    /// </summary>
    public double Score(Metric metric, ReadOnlySpan<float> predictions, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return IsClassification
            ? ClassificationReport.Compute(CodesOf(rows), predictions, Width, Classes).Get(metric)
            : RegressionReport.Compute(TargetsOf(rows), predictions).Get(metric);
    }

    /// <summary>Every metric of the task for <paramref name="predictions"/> of training rows <paramref name="rows"/>, by name.</summary>
    public IReadOnlyDictionary<string, double> Scores(ReadOnlySpan<float> predictions, IReadOnlyList<int> rows)
    {
        var wanted = IsClassification ? MetricTask.Classification : MetricTask.Regression;
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var metric in Enum.GetValues<Metric>().Where(m => m.TaskOf() == wanted)) scores[metric.ToString()] = Score(metric, predictions, rows);
        return scores;
    }

    /// <summary>
    /// Every metric of a fitted model's output frame for rows <paramref name="rows"/>: probability metrics from the
    /// probability columns, label metrics (accuracy, F1...) from the PredictedLabel column, so a decision rule
    /// (threshold, class weights) is scored as the model applies it.
    /// </summary>
    public IReadOnlyDictionary<string, double> Scores(DataFrame predicted, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        var predictions = new float[predicted.RowCount * Width];
        ReadPredictions(predicted, predictions, 0);
        var scores = new Dictionary<string, double>(Scores(predictions, rows), StringComparer.Ordinal);
        if (!IsClassification || !predicted.Contains(PredictionColumns.PredictedLabel)) return scores;
        var labels = ReadLabels(predicted);
        var actual = CodesOf(rows);
        var matrix = ConfusionMatrix.Compute(actual, labels, Width, Classes);
        scores[nameof(Metric.Accuracy)] = ClassificationMetrics.Accuracy(actual, labels);
        scores[nameof(Metric.BalancedAccuracy)] = ClassificationMetrics.BalancedAccuracy(matrix);
        scores[nameof(Metric.MacroF1)] = ClassificationMetrics.MacroF1(matrix);
        scores[nameof(Metric.WeightedF1)] = ClassificationMetrics.WeightedF1(matrix);
        return scores;
    }

    /// <summary>The PredictedLabel column as class codes in <see cref="Classes"/> order (-1 for a label not among them).</summary>
    public int[] ReadLabels(DataFrame predicted)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        var column = predicted[PredictionColumns.PredictedLabel];
        var codes = new int[predicted.RowCount];
        for (var row = 0; row < codes.Length; row++)
        {
            var name = column.FormatValue(row);
            codes[row] = name is null ? -1 : Classes.OrdinalIndexOf(name);
        }
        return codes;
    }
}
