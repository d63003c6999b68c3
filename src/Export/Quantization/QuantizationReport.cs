using System.Globalization;
using System.Text;

namespace Pipelines.Export.Quantization;

/// <summary>
/// What <see cref="OnnxQuantizer.Quantize"/> did: the nodes it rewrote, notes on what it left alone and why (a tree
/// ensemble stays float: ONNX Runtime has no int8 tree operators), and the serialized model size before and after.
/// </summary>
public sealed class QuantizationReport
{
    /// <summary>Creates a report.</summary>
    public QuantizationReport(QuantizationMode mode, IReadOnlyList<QuantizedNode> quantized, IReadOnlyList<string> notes, long originalBytes, long quantizedBytes)
    {
        ArgumentNullException.ThrowIfNull(quantized);
        ArgumentNullException.ThrowIfNull(notes);
        Mode = mode;
        Quantized = quantized;
        Notes = notes;
        OriginalBytes = originalBytes;
        QuantizedBytes = quantizedBytes;
    }

    /// <summary>The mode asked for.</summary>
    public QuantizationMode Mode { get; }

    /// <summary>The rewritten nodes, in graph order; empty when the model was returned unchanged.</summary>
    public IReadOnlyList<QuantizedNode> Quantized { get; }

    /// <summary>Why nodes were left alone (or why nothing changed).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Bytes of the serialized input model.</summary>
    public long OriginalBytes { get; }

    /// <summary>Bytes of the serialized output model (equal to <see cref="OriginalBytes"/> when unchanged).</summary>
    public long QuantizedBytes { get; }

    /// <summary>Whether any node was rewritten.</summary>
    public bool Changed => Quantized.Count > 0;

    /// <summary>Output size over input size (1 when unchanged).</summary>
    public double SizeRatio => OriginalBytes == 0 ? 1 : (double)QuantizedBytes / OriginalBytes;

    /// <summary>A few lines: mode, sizes, rewritten nodes, notes.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Mode}: {OriginalBytes:N0} -> {QuantizedBytes:N0} bytes ({SizeRatio:P0}), {Quantized.Count} node(s) quantized");
        foreach (var node in Quantized) text.Append(CultureInfo.InvariantCulture, $"\n  {node.OpType} {node.Node} ({node.Weight}): {node.Rewrite}");
        foreach (var note in Notes) text.Append("\n  note: ").Append(note);
        return text.ToString();
    }
}
