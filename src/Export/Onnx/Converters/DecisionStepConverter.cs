using Pipelines.Calibration;
using Pipelines.Data;
using Pipelines.Export.Onnx.Conversion;
using Pipelines.Prediction;

namespace Pipelines.Export.Onnx.Converters;

/// <summary>
/// <see cref="DecisionStep"/>: takes over the classifier's declared outputs. Its Probability (float [N, K]) goes through
/// the calibration (<see cref="CalibrationGraph"/>), the rule picks the class index from the calibrated probabilities
/// (<see cref="DecisionRuleGraph"/>), and PredictedLabel and Probability are declared anew from those. The classifier's
/// own argmax label is left unused.
/// </summary>
[OnnxConverter]
public sealed class DecisionStepConverter : OnnxConverter<DecisionStep>
{
    /// <inheritdoc/>
    protected override void Convert(DecisionStep transformer, OnnxConversionContext context)
    {
        var k = transformer.Classes.Count;
        var declared = context.DeclaredOutputs.FirstOrDefault(o => o.Name == OnnxLearnerOutputs.Probability)
            ?? throw new OnnxExportException("DecisionStep: no classifier before it declares the Probability output; put the step right after a classifier.");
        if (declared.Shape.Count != 2 || declared.Shape[1] != OnnxDim.Fixed(k))
            throw new OnnxExportException($"DecisionStep: the classifier before it outputs probabilities of shape [{string.Join(", ", declared.Shape)}], but the step has {k} classes.");
        RequireClassOrder(transformer, context.Schema);
        var probabilities = context.RemoveOutput(OnnxLearnerOutputs.Probability)!;
        context.RemoveOutput(OnnxLearnerOutputs.PredictedLabel);
        var calibrated = CalibrationGraph.Emit(context.Graph, probabilities, transformer.Calibration, k);
        var index = DecisionRuleGraph.Emit(context.Graph, calibrated, transformer.Rule);
        LearnerOutputGraph.DeclareClassifier(context, calibrated, index, transformer.Classes);
    }

    /// <summary>The graph's probability columns follow the frame's Probability.* columns; the step's classes must be in that order.</summary>
    private static void RequireClassOrder(DecisionStep step, DataSchema schema)
    {
        var positions = step.Classes.Select(c => schema.IndexOf(PredictionColumns.Probability(c))).ToArray();
        for (var i = 1; i < positions.Length; i++)
        {
            if (positions[i] < positions[i - 1])
                throw new OnnxExportException(
                    $"DecisionStep: its classes ({string.Join(", ", step.Classes)}) are not in the order of the classifier's probability columns; " +
                    "fit the step with the classifier's class order.");
        }
    }
}
