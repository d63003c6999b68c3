using Pipelines.Export.Onnx.Conversion;
using Pipelines.Trainers.LinearModels;

namespace Pipelines.Export.Onnx.Converters;

/// <summary>
/// <see cref="SoftmaxRegressionModel"/>: z = x W^T + b (Gemm, K scores), probabilities = Softmax(z) over axis 1,
/// label = argmax. Outputs <see cref="OnnxLearnerOutputs.PredictedLabel"/> and <see cref="OnnxLearnerOutputs.Probability"/>.
/// </summary>
[OnnxConverter]
public sealed class SoftmaxRegressionModelConverter : OnnxConverter<SoftmaxRegressionModel>
{
    /// <inheritdoc/>
    protected override void Convert(SoftmaxRegressionModel transformer, OnnxConversionContext context)
    {
        var z = LinearScoreGraph.Emit(transformer, context);
        var probabilities = context.Graph.AddNode("Softmax", "probabilities", [z], OnnxAttr.OfInt("axis", 1));
        LearnerOutputGraph.DeclareClassifier(context, probabilities, transformer.Classes);
    }
}
