namespace Pipelines.Calibration;

/// <summary>
/// Binary threshold search: every distinct probability of the positive class is a place where the predictions change,
/// so each threshold halfway between neighbouring probabilities (and one above all, one at the lowest) is scored, with
/// counts updated as the threshold passes each group of rows. Ties go to the threshold nearest 0.5.
/// </summary>
internal static class ThresholdTuner
{
    private const int GridSteps = 100;

    public static RuleTuning Tune(ReadOnlySpan<int> actual, ReadOnlySpan<float> probabilities, int positive, DecisionObjective objective, string objectiveName, string positiveName)
    {
        var n = actual.Length;
        var scores = new float[n];
        var isPositive = new bool[n];
        for (var i = 0; i < n; i++)
        {
            scores[i] = probabilities[2 * i + positive];
            isPositive[i] = actual[i] == positive;
        }
        Array.Sort(scores, isPositive);
        var negative = 1 - positive;

        // Start above every score: all rows predicted negative; then admit the rows from the highest score down.
        var counts = new ConfusionCounts(2);
        for (var i = 0; i < n; i++) counts.Add(isPositive[i] ? positive : negative, negative);
        var bestThreshold = MathF.BitIncrement(scores[^1]);
        var bestScore = counts.Score(objective, positive);
        for (var end = n; end > 0;)
        {
            var start = end - 1;
            while (start > 0 && scores[start - 1] == scores[end - 1]) start--;
            for (var i = start; i < end; i++) counts.Move(isPositive[i] ? positive : negative, negative, positive);
            var threshold = start == 0 ? scores[0] : Between(scores[start - 1], scores[start]);
            var score = counts.Score(objective, positive);
            if (score > bestScore || (score == bestScore && Math.Abs(threshold - 0.5f) < Math.Abs(bestThreshold - 0.5f)))
            {
                bestScore = score;
                bestThreshold = threshold;
            }
            end = start;
        }

        var rule = new ThresholdRule(positive, bestThreshold);
        var points = Grid(scores, isPositive, positive, objective);
        var chosen = new ThresholdPoint(bestThreshold, ValueAt(scores, isPositive, positive, bestThreshold, objective));
        var argMax = ArgMaxValue(actual, probabilities, objective, positive);
        var curve = new ThresholdCurve(objectiveName, positiveName, points, chosen, new ThresholdPoint(0.5f, argMax));
        return new RuleTuning(rule, objectiveName, chosen.Value, argMax, curve);
    }

    /// <summary>The objective of the plain argmax (ties to class 0), as the model predicts without a rule.</summary>
    public static double ArgMaxValue(ReadOnlySpan<int> actual, ReadOnlySpan<float> probabilities, DecisionObjective objective, int positive)
    {
        var k = probabilities.Length / actual.Length;
        var predicted = ClassWeightRule.ArgMax(k).Decide(probabilities, k);
        return ConfusionCounts.Of(actual, predicted, k).Value(objective, positive);
    }

    /// <summary>A float strictly above <paramref name="lower"/> and at most <paramref name="upper"/>, halfway where float allows.</summary>
    private static float Between(float lower, float upper)
    {
        var mid = (float)((lower + (double)upper) / 2);
        return mid > lower ? mid : upper;
    }

    /// <summary>
    /// The objective at thresholds 0, 0.01, ..., 1 in one pass over the sorted scores: the thresholds rise, so the rows
    /// predicted negative only grow, and each row moves once (NaN sorts first and is never at or above a threshold).
    /// </summary>
    private static ThresholdPoint[] Grid(float[] sortedScores, bool[] isPositive, int positive, DecisionObjective objective)
    {
        var negative = 1 - positive;
        var counts = new ConfusionCounts(2);
        for (var i = 0; i < sortedScores.Length; i++) counts.Add(isPositive[i] ? positive : negative, positive);
        var points = new ThresholdPoint[GridSteps + 1];
        var below = 0;
        for (var g = 0; g <= GridSteps; g++)
        {
            var t = g / (float)GridSteps;
            for (; below < sortedScores.Length && !(sortedScores[below] >= t); below++)
                counts.Move(isPositive[below] ? positive : negative, positive, negative);
            points[g] = new ThresholdPoint(t, counts.Value(objective, positive));
        }
        return points;
    }

    private static double ValueAt(float[] sortedScores, bool[] isPositive, int positive, float threshold, DecisionObjective objective)
    {
        var counts = new ConfusionCounts(2);
        for (var i = 0; i < sortedScores.Length; i++)
        {
            var predicted = sortedScores[i] >= threshold ? positive : 1 - positive;
            counts.Add(isPositive[i] ? positive : 1 - positive, predicted);
        }
        return counts.Value(objective, positive);
    }
}
