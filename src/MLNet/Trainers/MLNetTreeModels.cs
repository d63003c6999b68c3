using Pipelines.Data;
using Pipelines.Trainers.Trees.Forest;
using Pipelines.Trainers.Trees.Prediction;
using MLNetTreeBase = Microsoft.ML.Trainers.FastTree.RegressionTreeBase;

namespace Pipelines.MLNet.Trainers;

/// <summary>
/// Reads a trained ML.NET tree model into the project's fitted types. The structure (splits, thresholds, children) and
/// each node's missing-value direction come from ML.NET's own ONNX export (<see cref="MLNetOnnxTrees"/>), the only public
/// place that says where LightGbm sends NaN; the leaf values, where the public parameters have them
/// (TreeEnsembleModelParameters.TrainedTreeEnsemble), are taken from there as exact doubles. ML.NET's score is the plain
/// sum of the trees' leaf values (InternalTreeEnsemble.GetOutput; TreeWeights and Bias are not applied).
/// </summary>
internal static class MLNetTreeModels
{
    /// <summary>The trees of a model with one ensemble (binary or regression), checked against its public parameters.</summary>
    public static List<MLNetTree> Trees<T>(MLNetData data, Microsoft.ML.ITransformer fitted, Microsoft.ML.Trainers.FastTree.TreeEnsemble<T> ensemble) where T : MLNetTreeBase
    {
        var exported = MLNetOnnxTrees.Read(MLNetTraining.Onnx(data, fitted));
        if (exported.Count != 1) throw new InvalidOperationException($"{data.Step}: ML.NET's ONNX export has {exported.Count} tree ensembles; one was expected.");
        var trees = exported[0];
        if (trees.Count != ensemble.Trees.Count)
            throw new InvalidOperationException($"{data.Step}: ML.NET's model has {ensemble.Trees.Count} trees but its ONNX export {trees.Count}.");
        if (ensemble.Trees.Any(t => t.CategoricalSplitFlags.Any(c => c)))
            throw new InvalidOperationException($"{data.Step}: ML.NET's model has categorical splits, which numeric features should never give.");
        return [.. trees.Select((t, i) => t.WithLeaves(ensemble.Trees[i].LeafValues))];
    }

    /// <summary>The per-class trees of a multiclass model, from ML.NET's ONNX export (one ensemble per class, in class order).</summary>
    public static List<List<MLNetTree>> TreesPerClass(MLNetData data, Microsoft.ML.ITransformer fitted)
    {
        var exported = MLNetOnnxTrees.Read(MLNetTraining.Onnx(data, fitted));
        if (exported.Count != data.Classes.Length)
            throw new InvalidOperationException($"{data.Step}: ML.NET's ONNX export has {exported.Count} tree ensembles for {data.Classes.Length} classes.");
        return exported;
    }

    /// <summary>
    /// A binary model with ML.NET's Platt link P(class 1) = 1 / (1 + e^(slope · s + offset)), s the sum of the trees: as
    /// a <see cref="GbdtModel"/>, F = -slope · s - offset, so leaf values are scaled by -slope and the base score is -offset.
    /// </summary>
    public static GbdtModel Binary(MLNetData data, IReadOnlyList<MLNetTree> trees, double slope, double offset, double[] gains) =>
        new(PredictionTask.BinaryClassification, data.Features, data.Classes, data.NotCategorical, [-offset],
            [.. trees.Select(t => TreeConversion.ToTree(t, -slope))], gains, TreeConversion.SplitCounts(trees, data.Features.Count));

    /// <summary>A regression model: the prediction is the sum of the trees.</summary>
    public static GbdtModel Regression(MLNetData data, IReadOnlyList<MLNetTree> trees, double[] gains) =>
        new(PredictionTask.Regression, data.Features, [], data.NotCategorical, [0],
            [.. trees.Select(t => TreeConversion.ToTree(t, 1))], gains, TreeConversion.SplitCounts(trees, data.Features.Count));

    /// <summary>
    /// A softmax multiclass model, P(k) = softmax(s)_k with s_k the sum of class k's trees. Classes may have different
    /// tree counts (ML.NET drops a class's trees of one zero leaf), so shorter classes are padded with zero leaves to
    /// give <see cref="GbdtModel"/>'s round-robin layout. Gain importance is not exported for these trees: split counts
    /// stand in for it.
    /// </summary>
    public static GbdtModel Softmax(MLNetData data, IReadOnlyList<List<MLNetTree>> perClass)
    {
        var k = perClass.Count;
        var rounds = perClass.Max(c => c.Count);
        var trees = new List<RegressionTree>(rounds * k);
        for (var r = 0; r < rounds; r++)
        {
            for (var c = 0; c < k; c++) trees.Add(r < perClass[c].Count ? TreeConversion.ToTree(perClass[c][r], 1) : TreeConversion.Leaf(0));
        }
        var splits = TreeConversion.SplitCounts(perClass.SelectMany(c => c), data.Features.Count);
        return new GbdtModel(PredictionTask.MulticlassClassification, data.Features, data.Classes, data.NotCategorical, new double[k], trees,
            [.. splits.Select(s => (double)s)], splits);
    }

    /// <summary>
    /// A forest whose prediction is the mean of its T trees. Regression: ML.NET's FastForest score is that mean.
    /// Binary: FastForest's trees fit +1 / -1 targets, so a leaf value v is 2 · (share of class 1) - 1 and ML.NET's score
    /// is s = Σ v; the model's P(class 1) = (1 + s / T) / 2 (v clipped to [-1, 1]), the mean of the leaves' class shares,
    /// so P &gt; 0.5 exactly when ML.NET predicts true (s &gt; 0).
    /// </summary>
    public static ForestModel Forest(MLNetData data, IReadOnlyList<MLNetTree> trees, double[] gains)
    {
        var converted = trees.Select(t => TreeConversion.ToTree(t, 1)).ToList();
        var importance = gains.Select(g => g / trees.Count).ToArray();
        if (data.Task == PredictionTask.Regression)
            return new ForestModel(data.Task, data.Features, [], data.NotCategorical, converted, [], importance, outOfBagScore: null);
        var shares = new List<double[]>(converted.Count);
        var zeroed = new List<RegressionTree>(converted.Count);
        foreach (var tree in converted)
        {
            var share = new double[tree.NodeCount * 2];
            for (var i = 0; i < tree.NodeCount; i++)
            {
                if (tree.LeftChild[i] >= 0) continue;
                var positive = (1 + Math.Clamp(tree.LeafValue[i], -1, 1)) / 2;
                share[2 * i] = 1 - positive;
                share[(2 * i) + 1] = positive;
            }
            shares.Add(share);
            zeroed.Add(new RegressionTree(tree.Feature, tree.Threshold, tree.DefaultLeft, tree.LeftChild, tree.RightChild, new double[tree.NodeCount], tree.LeftCategories));
        }
        return new ForestModel(data.Task, data.Features, data.Classes, data.NotCategorical, zeroed, shares, importance, outOfBagScore: null);
    }
}
