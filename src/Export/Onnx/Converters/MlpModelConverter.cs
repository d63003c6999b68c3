using Pipelines.Data;
using Pipelines.Export.Onnx.Conversion;
using Pipelines.Export.Onnx.Proto;
using Pipelines.Prediction;
using Pipelines.Trainers.Mlp;

namespace Pipelines.Export.Onnx.Converters;

/// <summary>
/// <see cref="MlpModel"/>: Concat of the feature columns to float [N, d], Sub InputMean, Mul InputScale, then per layer
/// Gemm (transB = 1, W [out, in] as stored) and the activation (Relu, LeakyRelu alpha 0.01, Tanh, or GELU's tanh
/// approximation built from Mul/Add/Tanh since opset 17 has no Gelu). Classification: Softmax over the K logits
/// (binary models have two logits too), declared as "Probability" float [N, K] and "PredictedLabel" string [N]
/// (ArgMax, first maximum, then LabelEncoder to the class names). Regression: "Score" float [N, 1] = z TargetScale + TargetMean.
/// A missing (NaN) feature, which the in-process model refuses, propagates to NaN outputs in the graph.
/// </summary>
[OnnxConverter]
public sealed class MlpModelConverter : OnnxConverter<MlpModel>
{
    /// <inheritdoc/>
    protected override void Convert(MlpModel transformer, OnnxConversionContext context)
    {
        var graph = context.Graph;
        var d = transformer.Features.Count;
        var z = LearnerOutputGraph.NumericFeatures(context, transformer.Features, "mlp_features");
        z = graph.AddNode("Sub", "mlp_centered", [z, graph.AddFloats("mlp_mean", transformer.InputMean, 1, d)]);
        z = graph.AddNode("Mul", "mlp_standardized", [z, graph.AddFloats("mlp_scale", transformer.InputScale, 1, d)]);
        for (var i = 0; i < transformer.Layers.Count; i++)
        {
            var layer = transformer.Layers[i];
            var weight = graph.AddFloats($"mlp_w{i}", layer.Weight, layer.Outputs, layer.Inputs);
            var bias = graph.AddFloats($"mlp_b{i}", layer.Bias, layer.Outputs);
            z = graph.AddNode("Gemm", $"mlp_linear{i}", [z, weight, bias], OnnxAttr.OfInt("transB", 1));
            z = MlpActivationGraph.Apply(graph, layer.Activation, z, $"mlp_act{i}");
        }
        if (transformer.Task == PredictionTask.Regression)
        {
            var scaled = graph.AddNode("Mul", "mlp_score_scaled", [z, graph.AddFloats("mlp_target_scale", [transformer.TargetScale])]);
            var score = graph.AddNode("Add", "mlp_score", [scaled, graph.AddFloats("mlp_target_mean", [transformer.TargetMean])]);
            LearnerOutputGraph.DeclareRegressor(context, score);
            return;
        }
        var probabilities = graph.AddNode("Softmax", "mlp_probabilities", [z], OnnxAttr.OfInt("axis", 1));
        LearnerOutputGraph.DeclareClassifier(context, probabilities, transformer.Classes);
    }
}
