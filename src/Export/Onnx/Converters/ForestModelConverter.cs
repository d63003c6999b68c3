using Pipelines.Data;
using Pipelines.Export.Onnx.Conversion;
using Pipelines.Trainers.Trees.Forest;

namespace Pipelines.Export.Onnx.Converters;

/// <summary>
/// <see cref="ForestModel"/> (random forest, extra trees): one ai.onnx.ml TreeEnsembleRegressor with aggregate_function
/// AVERAGE and post_transform NONE. Regression: one target, leaf i of tree t weighs <c>Trees[t].LeafValue[i]</c>, and
/// the output is <see cref="OnnxLearnerOutputs.Score"/>. Classification with K classes: K targets, leaf i of tree t
/// weighs <c>LeafProbabilities[t][i * K + k]</c> on target k (zero weights left out), and the output already is the
/// probability matrix (no softmax), followed by the shared ArgMax + LabelEncoder label; binary models keep both classes
/// as targets.
/// <para>AVERAGE rather than SUM of share / T: ONNX Runtime (double input) accumulates each target's leaf weights in
/// double in tree order and divides the sum by the tree count before the float cast, which is exactly what the
/// in-process evaluator computes, so probabilities match bit for bit and ties between classes break the same way.
/// TreeEnsembleClassifier is not used: its binary-case and post_transform conventions differ between runtimes.</para>
/// Features, categorical indicator columns and missing-value directions are those of the GBDT export
/// (<see cref="TreeEnsembleFeatures"/>, <see cref="TreeEnsembleNodes"/>).
/// </summary>
[OnnxConverter]
public sealed class ForestModelConverter : OnnxConverter<ForestModel>
{
    /// <inheritdoc/>
    protected override void Convert(ForestModel transformer, OnnxConversionContext context)
    {
        if (transformer.Features.Count == 0) throw new OnnxExportException("ForestModel: the model reads no feature, so the graph has nothing to compute it from.");
        var graph = context.Graph;
        var k = transformer.OutputCount;
        var features = new TreeEnsembleFeatures(transformer.Features, transformer.CategoricalFeatures, nameof(ForestModel), context);
        var regression = transformer.Task == PredictionTask.Regression;
        var nodes = regression
            ? new TreeEnsembleNodes(transformer.Trees, 1, features)
            : new TreeEnsembleNodes(transformer.Trees, features, (t, i) => ClassShares(transformer.LeafProbabilities[t], i, k));
        var x = features.Build();
        var attributes = nodes.Attributes(new double[k], k, aggregate: "AVERAGE");
        if (regression)
        {
            LearnerOutputGraph.DeclareRegressor(context, graph.AddNode("TreeEnsembleRegressor", OnnxOpsets.MlDomain, "forest_score", [x], 1, attributes)[0]);
            return;
        }
        var probabilities = graph.AddNode("TreeEnsembleRegressor", OnnxOpsets.MlDomain, "probabilities", [x], 1, attributes)[0];
        LearnerOutputGraph.DeclareClassifier(context, probabilities, transformer.Classes);
    }

    /// <summary>
    /// Leaf <paramref name="leaf"/>'s nonzero class shares as (target k, share) pairs. A class a leaf never saw adds
    /// nothing to its target's sum, so leaving it out changes no probability, and a grown tree's leaves mostly hold one
    /// class: with many classes the zeros would be most of the file.
    /// </summary>
    private static IEnumerable<(int Target, double Weight)> ClassShares(double[] shares, int leaf, int k)
    {
        for (var c = 0; c < k; c++)
            if (shares[(leaf * k) + c] != 0) yield return (c, shares[(leaf * k) + c]);
    }
}
