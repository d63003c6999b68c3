namespace Pipelines.Evaluation;

/// <summary>
/// Every classification metric of one set of predictions, computed in one call. The predicted class of a row is
/// its most probable class. <see cref="RocAuc"/> and <see cref="PrAuc"/> are NaN when fewer than 2 classes occur
/// in the actual codes (the ranking metrics are undefined there; <see cref="RankingMetrics"/> throws instead).
/// </summary>
public sealed record ClassificationReport(
    ConfusionMatrix ConfusionMatrix,
    double Accuracy,
    double BalancedAccuracy,
    IReadOnlyList<ClassMetrics> PerClass,
    double MacroF1,
    double WeightedF1,
    double LogLoss,
    double RocAuc,
    double PrAuc)
{
    /// <summary>
    /// Computes the report from actual codes and row-major probabilities (<paramref name="classCount"/> per row).
    /// Weights, when given, apply to accuracy and log loss only.
    /// </summary>
    public static ClassificationReport Compute(
        ReadOnlySpan<int> actual, ReadOnlySpan<float> probabilities, int classCount,
        IReadOnlyList<string>? classNames = null, ReadOnlySpan<float> weights = default)
    {
        var predicted = ClassificationMetrics.ArgMax(probabilities, classCount);
        MetricGuard.SameLength(nameof(ClassificationReport), actual.Length, predicted.Length, "probability rows");
        var matrix = ConfusionMatrix.Compute(actual, predicted, classCount, classNames);
        var present = CountPresent(actual, classCount);
        return new ClassificationReport(
            matrix,
            ClassificationMetrics.Accuracy(actual, predicted, weights),
            ClassificationMetrics.BalancedAccuracy(matrix),
            ClassificationMetrics.PerClass(matrix),
            ClassificationMetrics.MacroF1(matrix),
            ClassificationMetrics.WeightedF1(matrix),
            ProbabilisticMetrics.LogLoss(actual, probabilities, classCount, weights),
            present >= 2 ? RankingMetrics.RocAuc(actual, probabilities, classCount) : double.NaN,
            present >= 2 ? RankingMetrics.AveragePrecision(actual, probabilities, classCount) : double.NaN);
    }

    /// <inheritdoc cref="Compute(ReadOnlySpan{int}, ReadOnlySpan{float}, int, IReadOnlyList{string}?, ReadOnlySpan{float})"/>
    public static ClassificationReport Compute(
        ReadOnlySpan<int> actual, float[,] probabilities, IReadOnlyList<string>? classNames = null, ReadOnlySpan<float> weights = default) =>
        Compute(actual, MetricGuard.RowMajor(probabilities, out var classCount), classCount, classNames, weights);

    /// <summary>The value of <paramref name="metric"/>; throws for a regression metric.</summary>
    public double Get(Metric metric) => metric switch
    {
        Metric.Accuracy => Accuracy,
        Metric.BalancedAccuracy => BalancedAccuracy,
        Metric.MacroF1 => MacroF1,
        Metric.WeightedF1 => WeightedF1,
        Metric.RocAuc => RocAuc,
        Metric.PrAuc => PrAuc,
        Metric.LogLoss => LogLoss,
        _ => throw new MetricInputException($"{metric} is a {metric.TaskOf()} metric; a classification report has {string.Join(", ", Enum.GetValues<Metric>().Where(m => m.TaskOf() == MetricTask.Classification))}."),
    };

    private static int CountPresent(ReadOnlySpan<int> actual, int classCount)
    {
        var seen = new bool[classCount];
        foreach (var a in actual) if ((uint)a < (uint)classCount) seen[a] = true;
        return seen.Count(s => s);
    }
}
