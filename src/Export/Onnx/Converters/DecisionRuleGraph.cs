using Pipelines.Calibration;

namespace Pipelines.Export.Onnx.Converters;

/// <summary>
/// A <see cref="DecisionRule"/> as graph nodes from float [N, K] probabilities to the class index, int64 [N]:
/// a threshold as GreaterOrEqual on the positive column and Where; class weights as Mul then ArgMax (first maximum).
/// </summary>
internal static class DecisionRuleGraph
{
    public static string Emit(OnnxGraphBuilder graph, string probabilities, DecisionRule rule) => rule switch
    {
        ThresholdRule threshold => Threshold(graph, probabilities, threshold),
        ClassWeightRule weights => Weighted(graph, probabilities, weights),
        _ => throw new OnnxExportException($"DecisionStep: decision rule {rule.GetType().Name} has no ONNX form."),
    };

    private static string Threshold(OnnxGraphBuilder graph, string probabilities, ThresholdRule rule)
    {
        var positive = rule.PositiveClass;
        var column = graph.AddNode("Slice", "p_positive_class", [probabilities,
            CalibrationGraph.Ints(graph, "positive_start", positive), CalibrationGraph.Ints(graph, "positive_end", positive + 1), CalibrationGraph.Ints(graph, "positive_axis", 1)]);
        var passed = graph.AddNode("GreaterOrEqual", "above_threshold", [column, graph.AddFloats("threshold", [rule.Threshold])]);
        var chosen = graph.AddNode("Where", "thresholded_class", [passed, graph.AddInt64s("positive_class", [positive]), graph.AddInt64s("negative_class", [1 - positive])]);
        return graph.AddNode("Squeeze", "decided_class", [chosen, CalibrationGraph.Ints(graph, "squeeze_axis", 1)]);
    }

    private static string Weighted(OnnxGraphBuilder graph, string probabilities, ClassWeightRule rule)
    {
        var scores = rule.Weights.All(w => w == 1f)
            ? probabilities
            : graph.AddNode("Mul", "weighted_probabilities", [probabilities, graph.AddFloats("class_weights", [.. rule.Weights], rule.Weights.Count)]);
        return graph.AddNode("ArgMax", "decided_class", [scores],
            OnnxAttr.OfInt("axis", 1), OnnxAttr.OfInt("keepdims", 0), OnnxAttr.OfInt("select_last_index", 0));
    }
}
