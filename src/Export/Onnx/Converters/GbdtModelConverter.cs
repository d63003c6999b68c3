using Pipelines.Data;
using Pipelines.Export.Onnx.Conversion;
using Pipelines.Trainers.Trees.Prediction;

namespace Pipelines.Export.Onnx.Converters;

/// <summary>
/// <see cref="GbdtModel"/>: an ai.onnx.ml TreeEnsembleRegressor gives the raw scores F (K = 1, or one per class), with
/// base_values = <see cref="GbdtModel.BaseScores"/> and post_transform NONE; the link is applied after it in the default
/// domain, as in process: binary P(class 1) = Sigmoid(F) and probabilities [1 - p, p]; multiclass Softmax(F) over axis 1;
/// regression <see cref="OnnxLearnerOutputs.Score"/> = F. TreeEnsembleClassifier is not used: its post_transform and
/// binary-case conventions differ between runtimes, and raw margins plus standard operators are unambiguous.
/// See <see cref="TreeEnsembleFeatures"/> for how numeric and categorical features reach the ensemble and
/// <see cref="TreeEnsembleNodes"/> for the node encoding.
/// </summary>
[OnnxConverter]
public sealed class GbdtModelConverter : OnnxConverter<GbdtModel>
{
    /// <inheritdoc/>
    protected override void Convert(GbdtModel transformer, OnnxConversionContext context)
    {
        if (transformer.Features.Count == 0) throw new OnnxExportException("GbdtModel: the model reads no feature, so the graph has nothing to compute it from.");
        var graph = context.Graph;
        var k = transformer.OutputCount;
        var features = new TreeEnsembleFeatures(transformer.Features, transformer.CategoricalFeatures, nameof(GbdtModel), context);
        var nodes = new TreeEnsembleNodes(transformer.Trees, k, features);
        var x = features.Build();
        var raw = graph.AddNode("TreeEnsembleRegressor", OnnxOpsets.MlDomain, "raw_scores", [x], 1, nodes.Attributes(transformer.BaseScores, k))[0];
        switch (transformer.Task)
        {
            case PredictionTask.Regression:
                LearnerOutputGraph.DeclareRegressor(context, raw);
                break;
            case PredictionTask.BinaryClassification:
                var positive = graph.AddNode("Sigmoid", "p_positive", [raw]);
                LearnerOutputGraph.DeclareClassifier(context, LearnerOutputGraph.BinaryProbabilities(graph, positive), transformer.Classes);
                break;
            default:
                LearnerOutputGraph.DeclareClassifier(context, graph.AddNode("Softmax", "probabilities", [raw], OnnxAttr.OfInt("axis", 1)), transformer.Classes);
                break;
        }
    }
}
