using Pipelines.Data;

namespace Pipelines.Trainers.Trees.Prediction;

/// <summary>
/// Sums tree outputs over raw feature values (not bins): raw[r, k] = base[k] + sum of the leaf values of the trees of
/// output k (tree t belongs to output t mod K). Categorical values are matched to each node's left categories by name.
/// </summary>
internal static class EnsembleEvaluator
{
    private const int RowsPerBlock = 2048;

    public static double[] Raw(GbdtModel model, DataFrame input, ParallelOptions? parallel = null)
    {
        var rows = input.RowCount;
        var k = model.OutputCount;
        var reader = new TreeInput(input, model.Features, model.CategoricalFeatures, nameof(GbdtModel));
        var trees = model.Trees;
        var leftSets = new bool[trees.Count][][];
        for (var t = 0; t < trees.Count; t++) leftSets[t] = reader.LeftSets(trees[t]);

        var raw = new double[rows * k];
        var blocks = (rows + RowsPerBlock - 1) / RowsPerBlock;
        Parallel.For(0, blocks, parallel ?? TreeParallelism.ForPrediction(), block =>
        {
            var end = Math.Min(rows, (block + 1) * RowsPerBlock);
            for (var r = block * RowsPerBlock; r < end; r++)
            {
                var scores = raw.AsSpan(r * k, k);
                for (var j = 0; j < k; j++) scores[j] = model.BaseScores[j];
                for (var t = 0; t < trees.Count; t++) scores[t % k] += trees[t].LeafValue[reader.Leaf(trees[t], leftSets[t], r)];
            }
        });
        return raw;
    }
}
