using System.Globalization;
using Pipelines.Export.Onnx.Proto;

namespace Pipelines.Export.Quantization;

/// <summary>
/// Float16 weights: each constant float input of a MatMul/Gemm (weight and bias) read only by MatMul/Gemm nodes is
/// stored as float16, and a Cast to float at the start of the graph recreates the value under its old name, so every
/// reader and the model's inputs and outputs are unchanged.
/// </summary>
internal static class Float16Rewrite
{
    public static List<QuantizedNode> Apply(GraphEditor editor, IReadOnlyList<WeightNode> nodes, List<string> notes)
    {
        var done = new List<QuantizedNode>();
        var casts = new List<NodeProto>();
        var converted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in nodes)
        {
            var names = new List<string>();
            foreach (var name in new[] { w.Weight, w.Bias })
            {
                if (name is null) continue;
                if (converted.Contains(name)) { names.Add(name); continue; }
                var tensor = editor.Constant(name);
                var values = tensor is null ? null : TensorData.Floats(tensor);
                if (tensor is null || values is null) continue;
                if (editor.IsGraphOutput(name) || editor.Consumers(name).Any(n => n.OpType is not ("MatMul" or "Gemm")))
                {
                    notes.Add($"'{name}' kept as float: a node other than MatMul/Gemm, or a graph output, reads it.");
                    continue;
                }
                var half = TensorData.Float16(editor.Name(name + "_fp16"), values, tensor.Dims, out var clamped);
                if (clamped > 0) notes.Add(string.Create(CultureInfo.InvariantCulture, $"'{name}': {clamped} value(s) beyond float16's range clamped to +-65504."));
                editor.Graph.Initializer.Remove(tensor);
                editor.Add(half);
                casts.Add(editor.Node("Cast", [half.Name], [name], GraphEditor.Int("to", (long)TensorProto.Types.DataType.Float)));
                converted.Add(name);
                names.Add(name);
            }
            if (names.Count > 0) done.Add(new QuantizedNode(w.Node.Name, w.Node.OpType, w.Weight, $"float16 {string.Join(" and ", names)} + Cast to float"));
        }
        editor.SetNodes([.. casts, .. editor.Graph.Node]);
        return done;
    }
}
