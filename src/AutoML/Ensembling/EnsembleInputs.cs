using Pipelines.Errors;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Ensembling;

/// <summary>Checks what <see cref="EnsembleSelection"/> is given, once, so the selection loop can trust it.</summary>
internal static class EnsembleInputs
{
    private const string Step = nameof(EnsembleSelection);

    public static void Options(Metric metric, MetricTask task, int size)
    {
        if (!Enum.IsDefined(metric)) throw new ArgumentOutOfRangeException(nameof(metric), metric, $"{Step}: unknown metric.");
        if (metric.TaskOf() != task)
        {
            var other = task == MetricTask.Classification ? "float targets (regression)" : "int class codes and a class count (classification)";
            throw new ArgumentException($"{Step}: {metric} is a {metric.TaskOf()} metric, but the actual values given are for {task}; pass {other}, or pick a {task} metric.", nameof(metric));
        }
        if (size < 1) throw new ArgumentOutOfRangeException(nameof(size), size, $"{Step}: the ensemble size is the number of picks and must be at least 1.");
    }

    /// <summary>Class codes in [0, classCount), at least one row; ranking metrics also need two classes present.</summary>
    public static void ClassCodes(ReadOnlySpan<int> actual, int classCount, Metric metric)
    {
        if (classCount < 2) throw new ArgumentOutOfRangeException(nameof(classCount), classCount, $"{Step}: a classification needs at least 2 classes.");
        if (actual.IsEmpty) throw new DataValueException($"{Step}: no validation rows; pass the actual class code of every out-of-fold row.");
        var present = new bool[classCount];
        for (var r = 0; r < actual.Length; r++)
        {
            if ((uint)actual[r] >= (uint)classCount)
                throw new DataValueException($"{Step}: actual class code {actual[r]} at row {r} is not a class in [0, {classCount}); drop rows with a missing label before selecting.");
            present[actual[r]] = true;
        }
        if (metric is Metric.RocAuc or Metric.PrAuc && present.Count(p => p) < 2)
            throw new DataValueException($"{Step}: the actual values hold a single class, so {metric} is undefined; use out-of-fold rows of every class (stratified folds) or another metric.");
    }

    /// <summary>Finite targets, at least one row.</summary>
    public static void Targets(ReadOnlySpan<float> actual)
    {
        if (actual.IsEmpty) throw new DataValueException($"{Step}: no validation rows; pass the actual target of every out-of-fold row.");
        for (var r = 0; r < actual.Length; r++)
        {
            if (!float.IsFinite(actual[r]))
                throw new DataValueException($"{Step}: actual target at row {r} is {actual[r]}; targets must be finite (drop rows with a missing label).");
        }
    }

    /// <summary>
    /// At least one candidate; each holds <paramref name="rows"/> × <paramref name="width"/> finite values, non-negative
    /// when they are probabilities.
    /// </summary>
    public static void Predictions(IReadOnlyList<float[]> predictions, int rows, int width, bool probabilities)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        if (predictions.Count == 0) throw new DataValueException($"{Step}: no candidates; pass the out-of-fold predictions of at least one model.");
        var expected = (long)rows * width;
        var shape = probabilities ? $"{rows} rows x {width} classes" : $"{rows} rows";
        for (var c = 0; c < predictions.Count; c++)
        {
            var values = predictions[c] ?? throw new ArgumentException($"{Step}: the predictions of candidate {c} are null.", nameof(predictions));
            if (values.Length != expected)
                throw new DataValueException($"{Step}: candidate {c} has {values.Length} predicted values, but {shape} need {expected}; pass every candidate's predictions on the same rows, row-major.");
            for (var i = 0; i < values.Length; i++)
            {
                var v = values[i];
                if (float.IsFinite(v) && !(probabilities && v < 0)) continue;
                var where = probabilities ? $"row {i / width}, class {i % width}" : $"row {i}";
                var rule = probabilities ? "probabilities must be finite and non-negative" : "predictions must be finite";
                throw new DataValueException($"{Step}: candidate {c} predicts {v} at {where}; {rule}. Drop that candidate or fix the model that produced it.");
            }
        }
    }

    /// <summary>No budget, or one finite non-negative cost per candidate and a limit that at least one of them fits.</summary>
    public static void Budget(SelectionBudget? budget, int candidates)
    {
        if (budget is null) return;
        ArgumentNullException.ThrowIfNull(budget.Costs);
        if (budget.Costs.Count != candidates)
            throw new ArgumentException($"{Step}: the budget has {budget.Costs.Count} costs for {candidates} candidates; give one cost per candidate, in candidate order.", nameof(budget));
        for (var c = 0; c < candidates; c++)
        {
            if (!(budget.Costs[c] >= 0) || double.IsInfinity(budget.Costs[c]))
                throw new ArgumentException($"{Step}: candidate {c} costs {budget.Costs[c]}; costs must be finite and non-negative.", nameof(budget));
        }
        if (!(budget.Costs.Min() <= budget.Limit))
            throw new ArgumentException($"{Step}: no candidate fits the budget's limit of {budget.Limit} (the cheapest costs {budget.Costs.Min()}); leave out the candidates that cannot fit, or raise the limit.", nameof(budget));
    }
}
