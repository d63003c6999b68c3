using Pipelines.Trainers.Trees.Prediction;

namespace Pipelines.MLNet.Trainers;

/// <summary>
/// ML.NET's trees (<see cref="MLNetTree"/>) in the project's flat node form (<see cref="RegressionTree"/>): renumbered in
/// preorder so children come after their parent, x ≤ threshold left, NaN left where ML.NET sends it left, leaf values
/// multiplied by a scale (the link's slope, or 1).
/// </summary>
internal static class TreeConversion
{
    public static RegressionTree ToTree(MLNetTree tree, double scale)
    {
        if (tree.NodeCount == 0) return Leaf(tree.Leaves.Length == 0 ? 0 : tree.Leaves[0] * scale);
        var size = tree.NodeCount + tree.Leaves.Length;
        var feature = new int[size];
        var threshold = new float[size];
        var defaultLeft = new bool[size];
        var left = new int[size];
        var right = new int[size];
        var value = new double[size];
        var next = 0;
        int Visit(int child)
        {
            var index = next++;
            if (child < 0)
            {
                feature[index] = -1;
                threshold[index] = float.NaN;
                left[index] = right[index] = -1;
                value[index] = tree.Leaves[~child] * scale;
                return index;
            }
            feature[index] = tree.Feature[child];
            threshold[index] = tree.Threshold[child];
            defaultLeft[index] = tree.MissingLeft[child];
            left[index] = Visit(tree.Left[child]);
            right[index] = Visit(tree.Right[child]);
            return index;
        }
        Visit(0);
        if (next != size) throw new InvalidOperationException($"ML.NET's tree reaches {next} of its {size} nodes from the root.");
        return new RegressionTree(feature, threshold, defaultLeft, left, right, value, [.. Enumerable.Repeat(Array.Empty<string>(), size)]);
    }

    /// <summary>A tree of one leaf with output <paramref name="value"/>.</summary>
    public static RegressionTree Leaf(double value) => new([-1], [float.NaN], [false], [-1], [-1], [value], [[]]);

    /// <summary>Per feature: how many splits use it (the split importance of ML.NET's summaries).</summary>
    public static int[] SplitCounts(IEnumerable<MLNetTree> trees, int features)
    {
        var counts = new int[features];
        foreach (var tree in trees)
        {
            foreach (var f in tree.Feature) counts[f]++;
        }
        return counts;
    }

    /// <summary>Per feature: the sum of its splits' gains, from the public parameters' SplitGains (ML.NET's gain importance).</summary>
    public static double[] Gains(IEnumerable<Microsoft.ML.Trainers.FastTree.RegressionTreeBase> trees, int features)
    {
        var gains = new double[features];
        foreach (var tree in trees)
        {
            for (var i = 0; i < tree.NumberOfNodes; i++)
            {
                if (!tree.CategoricalSplitFlags[i]) gains[tree.NumericalSplitFeatureIndexes[i]] += tree.SplitGains[i];
            }
        }
        return gains;
    }
}
