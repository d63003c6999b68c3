using Pipelines.Data;
using Pipelines.Errors;

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
        var features = model.Features.Count;
        var numeric = new float[features][];
        var codes = new int[features][];
        var categories = new IReadOnlyList<string>?[features];
        for (var f = 0; f < features; f++)
        {
            var column = input[model.Features[f]];
            if (model.CategoricalFeatures[f])
            {
                if (column is not CategoricalColumn c) { ThrowHelper.WrongKind(nameof(GbdtModel), column.Name, column.Kind, ColumnKind.Categorical); return []; }
                codes[f] = c.Codes.ToArray();
                categories[f] = c.Categories;
            }
            else
            {
                if (column is not NumericColumn n) { ThrowHelper.WrongKind(nameof(GbdtModel), column.Name, column.Kind, ColumnKind.Numeric); return []; }
                numeric[f] = n.ToArray();
            }
        }

        // For each categorical node: which of the input's category codes go left.
        var trees = model.Trees;
        var leftSets = new bool[trees.Count][][];
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            leftSets[t] = new bool[tree.NodeCount][];
            for (var i = 0; i < tree.NodeCount; i++)
            {
                if (!tree.IsCategorical(i)) continue;
                var names = new HashSet<string>(tree.LeftCategories[i], StringComparer.Ordinal);
                var dictionary = categories[tree.Feature[i]]!;
                var set = new bool[dictionary.Count];
                for (var c = 0; c < set.Length; c++) set[c] = names.Contains(dictionary[c]);
                leftSets[t][i] = set;
            }
        }

        var raw = new double[rows * k];
        var blocks = (rows + RowsPerBlock - 1) / RowsPerBlock;
        Parallel.For(0, blocks, parallel ?? new ParallelOptions(), block =>
        {
            var end = Math.Min(rows, (block + 1) * RowsPerBlock);
            for (var r = block * RowsPerBlock; r < end; r++)
            {
                var scores = raw.AsSpan(r * k, k);
                for (var j = 0; j < k; j++) scores[j] = model.BaseScores[j];
                for (var t = 0; t < trees.Count; t++) scores[t % k] += Leaf(trees[t], leftSets[t], numeric, codes, r);
            }
        });
        return raw;
    }

    private static double Leaf(RegressionTree tree, bool[][] leftSets, float[][] numeric, int[][] codes, int row)
    {
        var node = 0;
        var left = tree.LeftChild;
        while (left[node] >= 0)
        {
            var f = tree.Feature[node];
            bool goLeft;
            var set = leftSets[node];
            if (set is not null)
            {
                var code = codes[f][row];
                goLeft = code < 0 ? tree.DefaultLeft[node] : set[code];
            }
            else
            {
                var x = numeric[f][row];
                goLeft = float.IsNaN(x) ? tree.DefaultLeft[node] : x <= tree.Threshold[node];
            }
            node = goLeft ? left[node] : tree.RightChild[node];
        }
        return tree.LeafValue[node];
    }
}
