using Pipelines.Export.Onnx.Proto;

namespace Pipelines.Export.Onnx.Converters;

/// <summary>Small node patterns several converters share.</summary>
internal static class OnnxPatterns
{
    /// <summary>The empty string: a missing categorical value in the graph.</summary>
    public const string MissingCategory = "";

    /// <summary>A "to" attribute for Cast.</summary>
    public static OnnxAttr CastTo(TensorProto.Types.DataType type) => OnnxAttr.OfInt("to", (long)type);

    /// <summary>
    /// Float 1 where <paramref name="value"/> (string) is "" (missing), else 0. Opset 17 has no string Equal, so it is
    /// an ai.onnx.ml LabelEncoder with the single key "".
    /// </summary>
    public static string MissingStringAsFloat(OnnxGraphBuilder graph, string value, string hint) =>
        graph.AddMlNode("LabelEncoder", hint, [value],
            OnnxAttr.OfStrings("keys_strings", [MissingCategory]),
            OnnxAttr.OfFloats("values_floats", [1f]),
            OnnxAttr.OfFloat("default_float", 0f));

    /// <summary>Bool true where <paramref name="value"/> (string) is "" (missing).</summary>
    public static string MissingString(OnnxGraphBuilder graph, string value, string hint)
    {
        var code = graph.AddMlNode("LabelEncoder", hint + "_code", [value],
            OnnxAttr.OfStrings("keys_strings", [MissingCategory]),
            OnnxAttr.OfInts("values_int64s", [1]),
            OnnxAttr.OfInt("default_int64", 0));
        return graph.AddNode("Cast", hint, [code], CastTo(TensorProto.Types.DataType.Bool));
    }

    /// <summary>Splits a float [N, k] value into k [N, 1] values (the value itself when k is 1).</summary>
    public static IReadOnlyList<string> SplitColumns(OnnxGraphBuilder graph, string value, int k, string hint) =>
        k == 1 ? [value] : graph.AddNode("Split", OnnxOpsets.DefaultDomain, hint, [value], k, OnnxAttr.OfInt("axis", 1));

    /// <summary>Throws when a fitted category is "", which the graph reserves for a missing value.</summary>
    public static void RefuseEmptyCategory(string step, string column, IEnumerable<string> categories)
    {
        if (categories.Contains(MissingCategory))
            throw new OnnxExportException($"{step}: column '{column}' has the empty string as a category, but in the ONNX graph \"\" means a missing value. Rename that category before fitting.");
    }
}
