using Pipelines.Export.Onnx.Conversion;
using Pipelines.Export.Onnx.Proto;

namespace Pipelines.Export.Onnx.Converters;

/// <summary>The tail every learner shares: from probabilities or a score to the declared graph outputs (<see cref="OnnxLearnerOutputs"/>).</summary>
internal static class LearnerOutputGraph
{
    /// <summary>
    /// Declares <paramref name="probabilities"/> (float [N, K]) and the predicted label: ArgMax over axis 1 (the first
    /// maximum, as in process) to int64 [N], then an ai.onnx.ml LabelEncoder from class index to class name.
    /// </summary>
    public static void DeclareClassifier(OnnxConversionContext context, string probabilities, IReadOnlyList<string> classes)
    {
        var best = context.Graph.AddNode("ArgMax", "best_class", [probabilities],
            OnnxAttr.OfInt("axis", 1), OnnxAttr.OfInt("keepdims", 0), OnnxAttr.OfInt("select_last_index", 0));
        DeclareClassifier(context, probabilities, best, classes);
    }

    /// <summary>
    /// Declares <paramref name="probabilities"/> (float [N, K]) and the predicted label of class index <paramref name="classIndex"/>
    /// (int64 [N]) through an ai.onnx.ml LabelEncoder from class index to class name.
    /// </summary>
    public static void DeclareClassifier(OnnxConversionContext context, string probabilities, string classIndex, IReadOnlyList<string> classes)
    {
        var graph = context.Graph;
        var label = graph.AddMlNode("LabelEncoder", "predicted_label", [classIndex],
            OnnxAttr.OfInts("keys_int64s", [.. Enumerable.Range(0, classes.Count).Select(c => (long)c)]),
            OnnxAttr.OfStrings("values_strings", classes),
            OnnxAttr.OfString("default_string", ""));
        context.DeclareOutput(OnnxLearnerOutputs.PredictedLabel, label, TensorProto.Types.DataType.String, OnnxDim.Rows);
        context.DeclareOutput(OnnxLearnerOutputs.Probability, probabilities, TensorProto.Types.DataType.Float, OnnxDim.Rows, OnnxDim.Fixed(classes.Count));
    }

    /// <summary>Binary probabilities [1 - p, p] (float [N, 2]) from <paramref name="positive"/> = p (float [N, 1]).</summary>
    public static string BinaryProbabilities(OnnxGraphBuilder graph, string positive)
    {
        var one = graph.AddFloats("one", [1f]);
        var negative = graph.AddNode("Sub", "p_negative", [one, positive]);
        return graph.AddNode("Concat", "probabilities", [negative, positive], OnnxAttr.OfInt("axis", 1));
    }

    /// <summary>Declares <paramref name="score"/> (float [N, 1]) as the regression output.</summary>
    public static void DeclareRegressor(OnnxConversionContext context, string score) =>
        context.DeclareOutput(OnnxLearnerOutputs.Score, score, TensorProto.Types.DataType.Float, OnnxDim.Rows, OnnxDim.Fixed(1));

    /// <summary>The learner's feature columns (float [N, 1] each) concatenated to float [N, d].</summary>
    public static string NumericFeatures(OnnxConversionContext context, IReadOnlyList<string> features, string hint)
    {
        if (features.Count == 0) throw new OnnxExportException($"{hint}: the model reads no feature, so the graph has nothing to compute it from.");
        var values = features.Select(context.Numeric).ToArray();
        return values.Length == 1 ? values[0] : context.Graph.AddNode("Concat", hint, values, OnnxAttr.OfInt("axis", 1));
    }
}
