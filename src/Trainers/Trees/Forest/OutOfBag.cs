using Pipelines.Data;
using Pipelines.Prediction;
using Pipelines.Trainers.Trees.Binning;

namespace Pipelines.Trainers.Trees.Forest;

/// <summary>
/// The out-of-bag score: each training row is predicted by the mean of the trees whose bootstrap sample did not draw it,
/// then scored against its label (unweighted, as scikit-learn's oob_score_): accuracy of the argmax class, or
/// R² = 1 - sum (y - p)^2 / sum (y - mean y)^2 over the rows that some tree left out.
/// </summary>
internal static class OutOfBag
{
    public static double? Score(ForestGrownTree[] trees, int[][] inBag, BinnedMatrix data, ForestTargets targets, TrainingSet set, PredictionTask task)
    {
        var n = data.Rows;
        var k = targets.Outputs;
        var sums = new double[n * k];
        var votes = new int[n];
        for (var t = 0; t < trees.Length; t++)
        {
            var counts = inBag[t];
            for (var r = 0; r < n; r++)
            {
                if (counts[r] > 0) continue;
                var leaf = trees[t].Leaf(data, r);
                var values = trees[t].LeafValues.AsSpan(leaf * k, k);
                for (var j = 0; j < k; j++) sums[(r * k) + j] += values[j];
                votes[r]++;
            }
        }
        var rows = Enumerable.Range(0, n).Where(r => votes[r] > 0).ToArray();
        if (rows.Length == 0) return null;
        if (task != PredictionTask.Regression)
        {
            var correct = 0;
            foreach (var r in rows)
            {
                var best = 0;
                for (var j = 1; j < k; j++) if (sums[(r * k) + j] > sums[(r * k) + best]) best = j;
                if (best == set.ClassCodes[r]) correct++;
            }
            return (double)correct / rows.Length;
        }
        var y = rows.Select(r => (double)targets.Targets[r]).ToArray();
        var mean = y.Average();
        double residual = 0, total = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            var p = sums[rows[i]] / votes[rows[i]];
            residual += (y[i] - p) * (y[i] - p);
            total += (y[i] - mean) * (y[i] - mean);
        }
        return total > 0 ? 1 - (residual / total) : null;
    }
}
