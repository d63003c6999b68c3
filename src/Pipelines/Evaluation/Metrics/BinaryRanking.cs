namespace Pipelines.Evaluation;

/// <summary>
/// The sorting work shared by ROC AUC, average precision and the curves, for one binary problem:
/// a score per row and whether the row is positive.
/// </summary>
internal sealed class BinaryRanking
{
    private BinaryRanking(float[] sortedScores, bool[] sortedPositive, int positives)
    {
        SortedScores = sortedScores;
        SortedPositive = sortedPositive;
        Positives = positives;
    }

    /// <summary>Scores ascending.</summary>
    public float[] SortedScores { get; }
    /// <summary>Whether the row at the same sorted position is positive.</summary>
    public bool[] SortedPositive { get; }
    public int Positives { get; }
    public int Negatives => SortedScores.Length - Positives;

    /// <summary>Sorts once; rows of class <paramref name="positiveCode"/> are positive, every other code negative.</summary>
    public static BinaryRanking Create(string metric, ReadOnlySpan<int> actual, ReadOnlySpan<float> scores, int stride, int offset, int positiveCode)
    {
        var n = actual.Length;
        var keys = new float[n];
        var positive = new bool[n];
        var positives = 0;
        for (var i = 0; i < n; i++)
        {
            keys[i] = scores[i * stride + offset];
            positive[i] = actual[i] == positiveCode;
            if (positive[i]) positives++;
        }
        if (positives == 0 || positives == n)
        {
            var only = positives == 0 ? "no row is" : "every row is";
            throw new MetricInputException(
                $"{metric}: {only} of class {positiveCode}, so actual holds fewer than 2 classes and the ranking metric is undefined " +
                "(it compares positive rows with negative rows). Evaluate on data that holds both classes, e.g. a stratified split.");
        }
        Array.Sort(keys, positive);
        return new BinaryRanking(keys, positive, positives);
    }

    /// <summary>
    /// AUC = (R₊ − n₊(n₊+1)/2) / (n₊·n₋), R₊ the sum of the positives' ranks with tied scores given their
    /// average rank (the Mann-Whitney U statistic, equal to the trapezoid area under the ROC curve).
    /// </summary>
    public double Auc()
    {
        double rankSum = 0;
        var n = SortedScores.Length;
        for (var i = 0; i < n;)
        {
            var j = i;
            var positivesInGroup = 0;
            while (j < n && SortedScores[j] == SortedScores[i])
            {
                if (SortedPositive[j]) positivesInGroup++;
                j++;
            }
            // Ranks i+1..j (1-based) share their mean.
            rankSum += positivesInGroup * ((i + 1 + j) / 2.0);
            i = j;
        }
        double p = Positives;
        return (rankSum - p * (p + 1) / 2) / (p * Negatives);
    }

    /// <summary>
    /// Calls <paramref name="visit"/>(threshold, TP, FP) once per distinct score, from the highest down,
    /// where a row counts as predicted positive when its score ≥ threshold.
    /// </summary>
    public void WalkThresholds(Action<float, int, int> visit)
    {
        int tp = 0, fp = 0;
        for (var i = SortedScores.Length - 1; i >= 0;)
        {
            var threshold = SortedScores[i];
            while (i >= 0 && SortedScores[i] == threshold)
            {
                if (SortedPositive[i]) tp++; else fp++;
                i--;
            }
            visit(threshold, tp, fp);
        }
    }

    /// <summary>
    /// AP = Σₖ (Rₖ − Rₖ₋₁)·Pₖ over distinct thresholds from the highest down, R₀ = 0: the step-wise sum of
    /// scikit-learn's average_precision_score (no trapezoid interpolation).
    /// </summary>
    public double AveragePrecision()
    {
        double ap = 0, previousRecall = 0;
        double positives = Positives;
        WalkThresholds((_, tp, fp) =>
        {
            var recall = tp / positives;
            ap += (recall - previousRecall) * tp / (tp + fp);
            previousRecall = recall;
        });
        return ap;
    }
}
