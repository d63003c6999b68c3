using Pipelines.Export.Onnx.Conversion;

namespace Pipelines.Export.Onnx.Converters;

/// <summary>
/// y = (x - mean) W^T for fitted linear reductions: Concat of the inputs to [N, p], Sub of the means, MatMul by the
/// transposed weights [p, k], Split into k [N, 1] outputs that replace the inputs. NaN propagates (the in-process step
/// refuses it instead).
/// </summary>
internal static class LinearProjectionGraph
{
    /// <summary>Adds the projection and replaces <paramref name="inputs"/> by columns prefix1..prefixK.</summary>
    /// <param name="context">The export in progress.</param>
    /// <param name="inputs">Input columns, in weight order.</param>
    /// <param name="means">Mean of each input.</param>
    /// <param name="weights">Row-major, one row of <c>inputs.Count</c> weights per output.</param>
    /// <param name="prefix">Output column prefix ("pc", "ld").</param>
    public static void Emit(OnnxConversionContext context, IReadOnlyList<string> inputs, IReadOnlyList<float> means, IReadOnlyList<float> weights, string prefix)
    {
        var graph = context.Graph;
        var p = inputs.Count;
        var k = weights.Count / p;
        var values = inputs.Select(context.Numeric).ToArray();
        var x = p == 1 ? values[0] : graph.AddNode("Concat", prefix + "_inputs", values, OnnxAttr.OfInt("axis", 1));
        var mean = graph.AddFloats(prefix + "_means", [.. means], 1, p);
        var centered = graph.AddNode("Sub", prefix + "_centered", [x, mean]);
        var transposed = new float[p * k];
        for (var j = 0; j < k; j++)
        {
            for (var i = 0; i < p; i++) transposed[i * k + j] = weights[j * p + i];
        }
        var w = graph.AddFloats(prefix + "_weights", transposed, p, k);
        var projected = graph.AddNode("MatMul", prefix + "_projected", [centered, w]);
        var outputs = OnnxPatterns.SplitColumns(graph, projected, k, prefix);
        foreach (var input in inputs) context.Remove(input);
        for (var j = 0; j < k; j++) context.SetNumeric(prefix + (j + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), outputs[j]);
    }
}
