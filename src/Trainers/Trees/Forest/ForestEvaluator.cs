using Pipelines.Data;
using Pipelines.Trainers.Trees.Prediction;

namespace Pipelines.Trainers.Trees.Forest;

/// <summary>Averages a forest's tree outputs over raw feature values: out[r, k] = (1/T) sum_t value_t(leaf_t(r), k).</summary>
internal static class ForestEvaluator
{
    private const int RowsPerBlock = 1024;

    public static float[] Average(ForestModel model, DataFrame input)
    {
        var rows = input.RowCount;
        var k = model.OutputCount;
        var reader = new TreeInput(input, model.Features, model.CategoricalFeatures, nameof(ForestModel));
        var trees = model.Trees;
        var leftSets = new bool[trees.Count][][];
        for (var t = 0; t < trees.Count; t++) leftSets[t] = reader.LeftSets(trees[t]);
        var classification = model.LeafProbabilities.Count > 0;
        var result = new float[rows * k];
        var blocks = (rows + RowsPerBlock - 1) / RowsPerBlock;
        Parallel.For(0, blocks, TreeParallelism.ForPrediction(), block =>
        {
            Span<double> sum = stackalloc double[k];
            var end = Math.Min(rows, (block + 1) * RowsPerBlock);
            for (var r = block * RowsPerBlock; r < end; r++)
            {
                sum.Clear();
                for (var t = 0; t < trees.Count; t++)
                {
                    var leaf = reader.Leaf(trees[t], leftSets[t], r);
                    if (!classification)
                    {
                        sum[0] += trees[t].LeafValue[leaf];
                        continue;
                    }
                    var values = model.LeafProbabilities[t].AsSpan(leaf * k, k);
                    for (var j = 0; j < k; j++) sum[j] += values[j];
                }
                for (var j = 0; j < k; j++) result[(r * k) + j] = (float)(sum[j] / trees.Count);
            }
        });
        return result;
    }
}
