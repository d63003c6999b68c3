using Pipelines.Export.Onnx.Proto;

namespace Pipelines.Export.Quantization;

/// <summary>
/// A MatMul or Gemm whose second input is a constant 2-D float matrix: the nodes quantization rewrites. The weight is
/// read as <see cref="Rows"/> x <see cref="Columns"/> as stored; <see cref="ChannelAxis"/> is the axis of the output
/// channels (1 for MatMul and Gemm without transB, 0 for Gemm with transB = 1).
/// </summary>
internal sealed record WeightNode(NodeProto Node, string Activation, string Weight, float[] Values, int Rows, int Columns, int ChannelAxis, string? Bias, float Alpha, float Beta)
{
    /// <summary>The number of output channels.</summary>
    public int Channels => ChannelAxis == 0 ? Rows : Columns;

    /// <summary>The number of inputs each output channel sums over.</summary>
    public int Depth => ChannelAxis == 0 ? Columns : Rows;

    /// <summary>Finds the rewritable nodes of <paramref name="editor"/>'s graph; adds a note for each MatMul/Gemm left alone.</summary>
    public static List<WeightNode> Find(GraphEditor editor, List<string> notes)
    {
        var found = new List<WeightNode>();
        foreach (var node in editor.Graph.Node)
        {
            if (node.Domain.Length != 0 || node.OpType is not ("MatMul" or "Gemm")) continue;
            var label = $"{node.OpType} '{node.Name}'";
            if (node.Input.Count < 2) continue;
            var weight = editor.Constant(node.Input[1]);
            if (weight is null) { notes.Add($"{label} left as float: its second input '{node.Input[1]}' is not a constant initializer."); continue; }
            var values = TensorData.Floats(weight);
            if (values is null || weight.Dims.Count != 2) { notes.Add($"{label} left as float: weight '{weight.Name}' is not a 2-D float tensor stored in the file."); continue; }
            var isGemm = node.OpType == "Gemm";
            if (isGemm && Attribute(node, "transA", 0) != 0) { notes.Add($"{label} left as float: transA = 1 is not supported."); continue; }
            var transB = isGemm && Attribute(node, "transB", 0) != 0;
            var bias = isGemm && node.Input.Count > 2 && node.Input[2].Length > 0 ? node.Input[2] : null;
            found.Add(new WeightNode(node, node.Input[0], weight.Name, values, (int)weight.Dims[0], (int)weight.Dims[1], transB ? 0 : 1, bias,
                isGemm ? AttributeF(node, "alpha", 1f) : 1f, isGemm ? AttributeF(node, "beta", 1f) : 1f));
        }
        return found;
    }

    /// <summary>The weight as [Depth, Channels] (the MatMul layout), transposing a transB weight.</summary>
    public float[] AsDepthByChannels()
    {
        if (ChannelAxis == 1) return Values;
        var result = new float[Values.Length];
        for (var c = 0; c < Rows; c++)
            for (var k = 0; k < Columns; k++) result[k * Rows + c] = Values[c * Columns + k];
        return result;
    }

    private static long Attribute(NodeProto node, string name, long fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name) is { } a ? a.I : fallback;

    private static float AttributeF(NodeProto node, string name, float fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name) is { } a ? a.F : fallback;
}
