using Pipelines.Export.Onnx.Conversion;
using Pipelines.Trainers.LinearModels;

namespace Pipelines.Export.Onnx.Converters;

/// <summary>
/// <see cref="LogisticRegressionModel"/>: z = x w + b (Gemm), p = Sigmoid(z), probabilities [1 - p, p], label = argmax.
/// Outputs <see cref="OnnxLearnerOutputs.PredictedLabel"/> and <see cref="OnnxLearnerOutputs.Probability"/>.
/// </summary>
[OnnxConverter]
public sealed class LogisticRegressionModelConverter : OnnxConverter<LogisticRegressionModel>
{
    /// <inheritdoc/>
    protected override void Convert(LogisticRegressionModel transformer, OnnxConversionContext context)
    {
        var z = LinearScoreGraph.Emit(transformer, context);
        var positive = context.Graph.AddNode("Sigmoid", "p_positive", [z]);
        LearnerOutputGraph.DeclareClassifier(context, LearnerOutputGraph.BinaryProbabilities(context.Graph, positive), transformer.Classes);
    }
}
