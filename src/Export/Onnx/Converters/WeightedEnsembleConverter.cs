using Pipelines.Data;
using Pipelines.Ensembles;
using Pipelines.Export.Onnx.Conversion;
using Pipelines.Export.Onnx.Proto;

namespace Pipelines.Export.Onnx.Converters;

/// <summary>
/// <see cref="WeightedEnsemble"/>: each member is converted in its own <see cref="OnnxConversionContext.Branch"/> from the
/// same graph inputs, so members' intermediate columns (one-hot indicators, scaled values) never meet; the members'
/// <see cref="OnnxLearnerOutputs.Probability"/> (float [N, K]) or <see cref="OnnxLearnerOutputs.Score"/> (float [N, 1]) are
/// scaled by their weights (Mul) and added (Sum), and the result is declared like a single learner's: the predicted label
/// as the argmax of the averaged probabilities, or the averaged score. The members' own label nodes stay unused.
/// </summary>
[OnnxConverter]
public sealed class WeightedEnsembleConverter : OnnxConverter<WeightedEnsemble>
{
    /// <inheritdoc/>
    protected override void Convert(WeightedEnsemble transformer, OnnxConversionContext context)
    {
        var regression = transformer.Task == PredictionTask.Regression;
        var output = regression ? OnnxLearnerOutputs.Score : OnnxLearnerOutputs.Probability;
        var graph = context.Graph;
        var weighted = new string[transformer.Members.Count];
        for (var m = 0; m < weighted.Length; m++)
        {
            var branch = context.Branch();
            branch.Convert(transformer.Members[m]);
            var declared = branch.DeclaredOutputs.FirstOrDefault(o => o.Name == output)
                ?? throw new OnnxExportException(
                    $"WeightedEnsemble: member {m} ({transformer.Members[m].GetType().Name}) declares no '{output}' output in ONNX, so it cannot be averaged. " +
                    "Each member must end in a learner whose converter declares its outputs.");
            var weight = graph.AddFloats("ensemble_weight", [(float)transformer.Weights[m]]);
            weighted[m] = graph.AddNode("Mul", "ensemble_weighted", [declared.Value, weight]);
        }
        var average = weighted.Length == 1 ? weighted[0] : graph.AddNode("Sum", regression ? "ensemble_score" : "ensemble_probabilities", weighted);
        if (regression) LearnerOutputGraph.DeclareRegressor(context, average);
        else LearnerOutputGraph.DeclareClassifier(context, average, transformer.Classes);
    }
}
