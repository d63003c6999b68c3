using System.Globalization;
using Pipelines.Export.Onnx.Proto;

namespace Pipelines.Export.Quantization;

/// <summary>
/// Static QDQ: in front of each MatMul/Gemm, the activation goes through QuantizeLinear -> DequantizeLinear (uint8,
/// scale and zero point from its calibrated range; one pair per distinct activation), the weight becomes int8 (symmetric,
/// per output channel) -> DequantizeLinear(axis = channel axis), and a constant 1-D Gemm bias (alpha = beta = 1) becomes
/// int32 with scale sa * sw_c -> DequantizeLinear. The node itself is kept; ONNX Runtime fuses the pattern into
/// integer kernels, and any runtime can still run it in float.
/// </summary>
internal static class StaticQdqRewrite
{
    public static List<QuantizedNode> Apply(GraphEditor editor, IReadOnlyList<WeightNode> nodes, IReadOnlyDictionary<string, ActivationRangeTracker> ranges, QuantizationOptions options)
    {
        var done = new List<QuantizedNode>();
        var prefix = new Dictionary<NodeProto, List<NodeProto>>();
        var dequantized = new Dictionary<string, (string Value, float Scale)>(StringComparer.Ordinal);
        foreach (var w in nodes)
        {
            var added = new List<NodeProto>();
            if (!dequantized.TryGetValue(w.Activation, out var a))
            {
                var (scale, zero) = ranges[w.Activation].UInt8Parameters();
                var scaleName = editor.Add(TensorData.Float(editor.Name(w.Activation + "_scale"), [scale]));
                var zeroName = editor.Add(TensorData.UInt8(editor.Name(w.Activation + "_zero_point"), [zero]));
                var q = editor.Name(w.Activation + "_quantized");
                var dq = editor.Name(w.Activation + "_dequantized");
                added.Add(editor.Node("QuantizeLinear", [w.Activation, scaleName, zeroName], [q]));
                added.Add(editor.Node("DequantizeLinear", [q, scaleName, zeroName], [dq]));
                a = (dq, scale);
                dequantized[w.Activation] = a;
            }
            var (quantized, scales) = SymmetricInt8.PerChannel(w.Values, w.Rows, w.Columns, w.ChannelAxis, options.ReduceRange);
            var weightQ = editor.Add(TensorData.Int8(editor.Name(w.Weight + "_int8"), quantized, w.Rows, w.Columns));
            var weightScale = editor.Add(TensorData.Float(editor.Name(w.Weight + "_scale"), scales, w.Channels));
            var weightZero = editor.Add(TensorData.Int8(editor.Name(w.Weight + "_zero_point"), new sbyte[w.Channels], w.Channels));
            var weightDq = editor.Name(w.Weight + "_dequantized");
            added.Add(editor.Node("DequantizeLinear", [weightQ, weightScale, weightZero], [weightDq], GraphEditor.Int("axis", w.ChannelAxis)));
            w.Node.Input[0] = a.Value;
            w.Node.Input[1] = weightDq;
            var biasNote = "";
            if (QuantizableBias(editor, w) is { } bias)
            {
                var biasScales = scales.Select(s => a.Scale * s).ToArray();
                var biasQ = bias.Select((b, c) => (int)Math.Clamp(Math.Round(b / (double)biasScales[c], MidpointRounding.ToEven), int.MinValue, int.MaxValue)).ToArray();
                var biasQName = editor.Add(TensorData.Int32(editor.Name(w.Bias! + "_int32"), biasQ, biasQ.Length));
                var biasScaleName = editor.Add(TensorData.Float(editor.Name(w.Bias! + "_scale"), biasScales, biasScales.Length));
                var biasDq = editor.Name(w.Bias! + "_dequantized");
                added.Add(editor.Node("DequantizeLinear", [biasQName, biasScaleName], [biasDq], GraphEditor.Int("axis", 0)));
                w.Node.Input[2] = biasDq;
                biasNote = ", bias int32";
            }
            prefix[w.Node] = added;
            done.Add(new QuantizedNode(w.Node.Name, w.Node.OpType, w.Weight,
                string.Create(CultureInfo.InvariantCulture, $"QDQ: activation uint8 (scale {a.Scale:G4}), weight int8 [{w.Rows}, {w.Columns}] per channel (axis {w.ChannelAxis}){biasNote}")));
        }
        editor.SetNodes(editor.Graph.Node.ToList().SelectMany(node => prefix.TryGetValue(node, out var added) ? [.. added, node] : (IEnumerable<NodeProto>)[node]));
        foreach (var w in nodes)
        {
            editor.RemoveIfUnused(w.Weight);
            if (w.Bias is not null) editor.RemoveIfUnused(w.Bias);
        }
        return done;
    }

    private static float[]? QuantizableBias(GraphEditor editor, WeightNode w)
    {
        if (w.Bias is null || w.Alpha != 1f || w.Beta != 1f) return null;
        var tensor = editor.Constant(w.Bias);
        if (tensor is null || tensor.Dims.Count != 1 || tensor.Dims[0] != w.Channels) return null;
        return TensorData.Floats(tensor);
    }
}
