using Pipelines.Export.Onnx.Conversion;
using Pipelines.Trainers.LinearModels;

namespace Pipelines.Export.Onnx.Converters;

/// <summary>
/// The scores of a linear model, z = x W^T + b (float [N, K]), as one Gemm over the concatenated raw features
/// (transB = 1 reads <see cref="LinearPredictor.Weights"/>, K x d row-major, as stored). NaN in a feature gives NaN scores,
/// as the in-process model does (the linear learners refuse NaN when fitting; impute before them).
/// </summary>
internal static class LinearScoreGraph
{
    /// <summary>Adds the Gemm and returns its output, float [N, K].</summary>
    public static string Emit(LinearPredictor model, OnnxConversionContext context)
    {
        var graph = context.Graph;
        var d = model.Features.Count;
        var k = model.Intercepts.Length;
        var x = LearnerOutputGraph.NumericFeatures(context, model.Features, "linear_features");
        var w = graph.AddFloats("linear_weights", model.Weights, k, d);
        var b = graph.AddFloats("linear_intercepts", model.Intercepts, k);
        return graph.AddNode("Gemm", "linear_scores", [x, w, b], OnnxAttr.OfInt("transB", 1));
    }
}
