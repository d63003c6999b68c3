namespace Pipelines.Calibration;

/// <summary>
/// Multiclass weight search for <see cref="ClassWeightRule"/> by coordinate search: starting from all weights 1, each
/// class's weight in turn is set to its best value with the others fixed, in rounds until no weight change improves
/// the objective. For one weight w_k the prediction of row r switches from its best other class to k exactly where
/// w_k·p_rk passes max_{j≠k} w_j·p_rj, so the search visits every such breakpoint in order (one sort per weight) and
/// takes the geometric middle of the best interval. Weights stay in [1/1000, 1000]; a move is kept only when the exact
/// float decision improves the objective.
/// </summary>
internal static class ClassWeightTuner
{
    private const double MinWeight = 1e-3;
    private const double MaxWeight = 1e3;
    private const int MaxRounds = 10;

    public static RuleTuning Tune(ReadOnlySpan<int> actual, ReadOnlySpan<float> probabilities, int k, DecisionObjective objective, int positive, string objectiveName)
    {
        var codes = actual.ToArray();
        var p = probabilities.ToArray();
        var weights = Enumerable.Repeat(1f, k).ToArray();
        var current = Exact(codes, p, k, weights, objective, positive);
        var argMax = current;
        for (var round = 0; round < MaxRounds; round++)
        {
            var improved = false;
            for (var c = 0; c < k; c++)
            {
                var candidate = BestWeight(codes, p, k, weights, c, objective, positive);
                if (candidate == weights[c]) continue;
                var previous = weights[c];
                weights[c] = candidate;
                var score = Exact(codes, p, k, weights, objective, positive);
                if (score > current + 1e-12)
                {
                    current = score;
                    improved = true;
                }
                else
                {
                    weights[c] = previous;
                }
            }
            if (!improved) break;
        }
        var sign = objective.HigherIsBetter ? 1 : -1;
        return new RuleTuning(new ClassWeightRule(weights), objectiveName, sign * current, sign * argMax, null);
    }

    /// <summary>The best weight for class <paramref name="c"/> with the other weights fixed; ties go to the one nearest (in log) to the current weight.</summary>
    private static float BestWeight(int[] actual, float[] p, int k, float[] weights, int c, DecisionObjective objective, int positive)
    {
        var n = actual.Length;
        var breakpoints = new double[n];
        var other = new int[n];
        var counts = new ConfusionCounts(k);
        for (var r = 0; r < n; r++)
        {
            var row = p.AsSpan(r * k, k);
            var best = -1;
            var bestScore = float.NegativeInfinity;
            for (var j = 0; j < k; j++)
            {
                if (j == c) continue;
                var s = weights[j] * row[j];
                if (best < 0 || s > bestScore)
                {
                    best = j;
                    bestScore = s;
                }
            }
            other[r] = best;
            breakpoints[r] = row[c] > 0 ? bestScore / (double)row[c] : double.PositiveInfinity;
            counts.Add(actual[r], breakpoints[r] < MinWeight ? c : best);
        }
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort((double[])breakpoints.Clone(), order);

        var from = Math.Log(weights[c]);
        var lower = MinWeight;
        var bestWeight = (double)weights[c];
        var bestValue = double.NegativeInfinity;
        var bestDistance = double.PositiveInfinity;
        var i = 0;
        while (i < n && breakpoints[order[i]] < MinWeight) i++;
        while (true)
        {
            var upper = i < n ? Math.Min(breakpoints[order[i]], MaxWeight) : MaxWeight;
            if (upper > lower)
            {
                var w = Math.Sqrt(lower * upper);
                var value = counts.Score(objective, positive);
                var distance = Math.Abs(Math.Log(w) - from);
                if (value > bestValue || (value == bestValue && distance < bestDistance))
                {
                    bestValue = value;
                    bestWeight = w;
                    bestDistance = distance;
                }
            }
            if (i >= n || breakpoints[order[i]] >= MaxWeight) break;
            // Rows whose breakpoint is passed now predict class c.
            var at = breakpoints[order[i]];
            while (i < n && breakpoints[order[i]] == at)
            {
                var r = order[i];
                counts.Move(actual[r], other[r], c);
                i++;
            }
            lower = at;
        }
        return (float)bestWeight;
    }

    private static double Exact(int[] actual, float[] p, int k, float[] weights, DecisionObjective objective, int positive)
    {
        var predicted = new ClassWeightRule(weights).Decide(p, k);
        return ConfusionCounts.Of(actual, predicted, k).Score(objective, positive);
    }
}
