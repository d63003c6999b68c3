using Pipelines.Trainers.Trees.Binning;
using Pipelines.Trainers.Trees.Growing;
using Pipelines.Trainers.Trees.Prediction;

namespace Pipelines.Trainers.Trees.Boosting;

/// <summary>
/// Turns a tree grown over bins into one over raw values: numeric threshold bin t becomes the raw bound UpperBounds[t]
/// (x &lt;= bound exactly when bin(x) &lt;= t), and categorical bin sets become category names.
/// </summary>
internal static class TreeConverter
{
    public static RegressionTree ToRaw(GrownTree tree, FeatureBins[] bins)
    {
        var n = tree.Nodes.Count;
        var feature = new int[n];
        var threshold = new float[n];
        var defaultLeft = new bool[n];
        var left = new int[n];
        var right = new int[n];
        var value = new double[n];
        var categories = new string[n][];
        for (var i = 0; i < n; i++)
        {
            var node = tree.Nodes[i];
            categories[i] = [];
            if (node.Split is not { } split)
            {
                feature[i] = -1;
                threshold[i] = float.NaN;
                left[i] = right[i] = -1;
                value[i] = node.Value;
                continue;
            }
            var b = bins[split.Feature];
            feature[i] = split.Feature;
            defaultLeft[i] = split.DefaultLeft;
            left[i] = node.Left;
            right[i] = node.Right;
            if (split.IsCategorical)
            {
                threshold[i] = float.NaN;
                categories[i] = [.. Enumerable.Range(0, b.Categories.Length).Where(c => split.GoesLeft(c, b.MissingBin)).Select(c => b.Categories[c])];
            }
            else
            {
                threshold[i] = b.UpperBounds[split.ThresholdBin];
            }
        }
        return new RegressionTree(feature, threshold, defaultLeft, left, right, value, categories);
    }
}
