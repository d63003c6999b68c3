namespace Pipelines.Evaluation;

/// <summary>
/// Threshold-free metrics of scores: ROC AUC, average precision (PR AUC) and their curves. Binary problems
/// take actual codes 0/1 and the score of class 1; multiclass problems take row-major probabilities and
/// average one-vs-rest results over classes (macro).
/// </summary>
public static class RankingMetrics
{
    /// <summary>
    /// Binary ROC AUC of <paramref name="scores"/> (higher = more likely class 1) against actual codes 0/1,
    /// by the Mann-Whitney rank formula with ties averaged: AUC = (R₊ − n₊(n₊+1)/2) / (n₊·n₋).
    /// Needs both classes in <paramref name="actual"/>.
    /// </summary>
    public static double RocAuc(ReadOnlySpan<int> actual, ReadOnlySpan<float> scores) =>
        Binary(nameof(RocAuc), actual, scores).Auc();

    /// <summary>
    /// ROC AUC of class probabilities: for 2 classes the binary AUC of column 1; for more, the mean over classes
    /// of the one-vs-rest AUC of column c (scikit-learn's multi_class="ovr", average="macro"). Classes absent from
    /// <paramref name="actual"/> are skipped, since one-vs-rest is undefined for them; at least 2 classes must occur.
    /// </summary>
    public static double RocAuc(ReadOnlySpan<int> actual, ReadOnlySpan<float> probabilities, int classCount) =>
        OneVsRest(nameof(RocAuc), actual, probabilities, classCount, r => r.Auc());

    /// <inheritdoc cref="RocAuc(ReadOnlySpan{int}, ReadOnlySpan{float}, int)"/>
    public static double RocAuc(ReadOnlySpan<int> actual, float[,] probabilities) =>
        RocAuc(actual, MetricGuard.RowMajor(probabilities, out var classCount), classCount);

    /// <summary>
    /// Binary average precision (PR AUC): AP = Σₖ (Rₖ − Rₖ₋₁)·Pₖ over distinct score thresholds from the highest
    /// down, as scikit-learn's average_precision_score (step-wise, not trapezoid). Positive class is code 1.
    /// </summary>
    public static double AveragePrecision(ReadOnlySpan<int> actual, ReadOnlySpan<float> scores) =>
        Binary(nameof(AveragePrecision), actual, scores).AveragePrecision();

    /// <summary>
    /// Average precision of class probabilities: binary AP of column 1 for 2 classes, else the macro mean of
    /// one-vs-rest AP over the classes that occur in <paramref name="actual"/>.
    /// </summary>
    public static double AveragePrecision(ReadOnlySpan<int> actual, ReadOnlySpan<float> probabilities, int classCount) =>
        OneVsRest(nameof(AveragePrecision), actual, probabilities, classCount, r => r.AveragePrecision());

    /// <inheritdoc cref="AveragePrecision(ReadOnlySpan{int}, ReadOnlySpan{float}, int)"/>
    public static double AveragePrecision(ReadOnlySpan<int> actual, float[,] probabilities) =>
        AveragePrecision(actual, MetricGuard.RowMajor(probabilities, out var classCount), classCount);

    /// <summary>
    /// ROC curve points (FPR = FP/n₋, TPR = TP/n₊), starting at (0, 0) with threshold +∞ and then one point per
    /// distinct score from the highest down, ending at (1, 1). Every point is kept (no thinning), for charts.
    /// </summary>
    public static IReadOnlyList<RocPoint> RocCurve(ReadOnlySpan<int> actual, ReadOnlySpan<float> scores)
    {
        var ranking = Binary(nameof(RocCurve), actual, scores);
        var points = new List<RocPoint> { new(0, 0, double.PositiveInfinity) };
        double p = ranking.Positives, n = ranking.Negatives;
        ranking.WalkThresholds((t, tp, fp) => points.Add(new RocPoint(fp / n, tp / p, t)));
        return points;
    }

    /// <summary>
    /// Precision-recall curve points (precision = TP/(TP+FP), recall = TP/n₊), starting at recall 0, precision 1
    /// with threshold +∞, then one point per distinct score from the highest down, ending at recall 1.
    /// </summary>
    public static IReadOnlyList<PrPoint> PrCurve(ReadOnlySpan<int> actual, ReadOnlySpan<float> scores)
    {
        var ranking = Binary(nameof(PrCurve), actual, scores);
        var points = new List<PrPoint> { new(0, 1, double.PositiveInfinity) };
        double p = ranking.Positives;
        ranking.WalkThresholds((t, tp, fp) => points.Add(new PrPoint(tp / p, (double)tp / (tp + fp), t)));
        return points;
    }

    private static BinaryRanking Binary(string metric, ReadOnlySpan<int> actual, ReadOnlySpan<float> scores)
    {
        MetricGuard.SameLength(metric, actual.Length, scores.Length, "scores");
        MetricGuard.NotEmpty(metric, actual.Length);
        MetricGuard.Codes(metric, actual, 2, "actual (binary, 0 or 1)");
        MetricGuard.Finite(metric, scores, "score");
        return BinaryRanking.Create(metric, actual, scores, stride: 1, offset: 0, positiveCode: 1);
    }

    private static double OneVsRest(string metric, ReadOnlySpan<int> actual, ReadOnlySpan<float> probabilities, int classCount, Func<BinaryRanking, double> score)
    {
        var rows = MetricGuard.ProbabilityRows(metric, probabilities, classCount);
        MetricGuard.SameLength(metric, actual.Length, rows, "probability rows");
        MetricGuard.NotEmpty(metric, rows);
        MetricGuard.Codes(metric, actual, classCount, "actual");
        if (classCount == 2) return score(BinaryRanking.Create(metric, actual, probabilities, classCount, 1, positiveCode: 1));
        var present = new bool[classCount];
        foreach (var a in actual) present[a] = true;
        var presentCount = present.Count(p => p);
        if (presentCount < 2)
            throw new MetricInputException(
                $"{metric}: actual holds only {presentCount} class, so the ranking metric is undefined (it compares rows of a class " +
                "with rows of the other classes). Evaluate on data that holds at least 2 classes, e.g. a stratified split.");
        double sum = 0;
        for (var c = 0; c < classCount; c++)
        {
            if (present[c]) sum += score(BinaryRanking.Create(metric, actual, probabilities, classCount, c, positiveCode: c));
        }
        return sum / presentCount;
    }
}
