using System.Globalization;
using Pipelines.Export.Onnx.Proto;

namespace Pipelines.Export.Quantization;

/// <summary>
/// Dynamic int8: Y = A W (+ C) becomes
/// (Aq, sa, za) = DynamicQuantizeLinear(A); Yi = MatMulInteger(Aq, Wq, za, zw); Y = Cast(Yi) * (sa * sw) (+ beta C),
/// with Wq int8 [K, N] (a Gemm transB weight transposed), sw float [N] (times Gemm's alpha) and zw int8 zeros [N].
/// One DynamicQuantizeLinear per distinct activation.
/// </summary>
internal static class DynamicInt8Rewrite
{
    public static List<QuantizedNode> Apply(GraphEditor editor, IReadOnlyList<WeightNode> nodes, QuantizationOptions options, List<string> notes)
    {
        var done = new List<QuantizedNode>();
        var rewritten = new Dictionary<NodeProto, List<NodeProto>>();
        var quantizedActivations = new Dictionary<string, (string Q, string Scale, string Zero)>(StringComparer.Ordinal);
        foreach (var w in nodes)
        {
            if (w.Bias is not null && w.Beta != 1f && editor.Constant(w.Bias) is null)
            {
                notes.Add($"Gemm '{w.Node.Name}' left as float: beta = {w.Beta} with a bias that is not a constant.");
                continue;
            }
            var added = new List<NodeProto>();
            if (!quantizedActivations.TryGetValue(w.Activation, out var a))
            {
                a = (editor.Name(w.Activation + "_quantized"), editor.Name(w.Activation + "_scale"), editor.Name(w.Activation + "_zero_point"));
                added.Add(editor.Node("DynamicQuantizeLinear", [w.Activation], [a.Q, a.Scale, a.Zero]));
                quantizedActivations[w.Activation] = a;
            }
            var (k, n) = (w.Depth, w.Channels);
            var (q, scales) = SymmetricInt8.PerChannel(w.AsDepthByChannels(), k, n, axis: 1, options.ReduceRange);
            if (w.Alpha != 1f) for (var c = 0; c < n; c++) scales[c] *= w.Alpha;
            var weightQ = editor.Add(TensorData.Int8(editor.Name(w.Weight + "_int8"), q, k, n));
            var weightZero = editor.Add(TensorData.Int8(editor.Name(w.Weight + "_zero_point"), new sbyte[n], n));
            var weightScale = editor.Add(TensorData.Float(editor.Name(w.Weight + "_scale"), scales, n));
            var output = w.Node.Output[0];
            var integer = editor.Name(output + "_int32");
            added.Add(editor.Node("MatMulInteger", [a.Q, weightQ, a.Zero, weightZero], [integer]));
            var asFloat = editor.Name(output + "_float");
            added.Add(editor.Node("Cast", [integer], [asFloat], GraphEditor.Int("to", (long)TensorProto.Types.DataType.Float)));
            var scale = editor.Name(output + "_rescale");
            added.Add(editor.Node("Mul", [a.Scale, weightScale], [scale]));
            if (w.Bias is null)
            {
                added.Add(editor.Node("Mul", [asFloat, scale], [output]));
            }
            else
            {
                var scaled = editor.Name(output + "_scaled");
                added.Add(editor.Node("Mul", [asFloat, scale], [scaled]));
                added.Add(editor.Node("Add", [scaled, ScaledBias(editor, w)], [output]));
            }
            rewritten[w.Node] = added;
            done.Add(new QuantizedNode(w.Node.Name, w.Node.OpType, w.Weight,
                string.Create(CultureInfo.InvariantCulture, $"DynamicQuantizeLinear + MatMulInteger (int8 [{k}, {n}], {n} scales){(w.Bias is null ? "" : " + Add bias")}")));
        }
        editor.SetNodes(editor.Graph.Node.ToList().SelectMany(node => rewritten.TryGetValue(node, out var added) ? added : [node]));
        foreach (var w in nodes.Where(w => rewritten.ContainsKey(w.Node)))
        {
            editor.RemoveIfUnused(w.Weight);
            if (w.Bias is not null) editor.RemoveIfUnused(w.Bias);
        }
        return done;
    }

    /// <summary>The bias input, multiplied by Gemm's beta into a new initializer when beta is not 1.</summary>
    private static string ScaledBias(GraphEditor editor, WeightNode w)
    {
        var bias = w.Bias!;
        if (w.Beta == 1f) return bias;
        var tensor = editor.Constant(bias)!;
        var values = TensorData.Floats(tensor) ?? throw new InvalidOperationException($"Bias '{bias}' is not a float tensor.");
        for (var i = 0; i < values.Length; i++) values[i] *= w.Beta;
        return editor.Add(TensorData.Float(editor.Name(bias + "_beta"), values, [.. tensor.Dims]));
    }
}
