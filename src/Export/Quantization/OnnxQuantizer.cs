using Pipelines.Data;
using Pipelines.Export.Onnx;
using Pipelines.Export.Onnx.Proto;

namespace Pipelines.Export.Quantization;

/// <summary>
/// Quantizes an ONNX model by rewriting its graph: every MatMul and Gemm whose weight is a constant 2-D float matrix
/// (the layers of an MLP, a linear model's coefficients) is rewritten as <see cref="QuantizationMode"/> says; other
/// nodes are kept as they are. Tree ensembles stay float (ONNX Runtime has no int8 tree operators), so a model whose
/// only learned nodes are TreeEnsemble* comes back unchanged with a note saying so. Quantization pays where weight
/// matrices dominate the file and the arithmetic: wide MLPs; for a tiny model the graph's fixed overhead dominates the size.
/// </summary>
public static class OnnxQuantizer
{
    /// <summary>Metadata key added to a quantized model: the <see cref="QuantizationMode"/> used.</summary>
    public const string MetadataKey = "quantization";

    /// <summary>Lowest default-domain opset supported: 13 (per-axis QuantizeLinear/DequantizeLinear).</summary>
    public const long MinimumOpset = 13;

    /// <summary>
    /// Returns a quantized copy of <paramref name="model"/> (which is not changed) and a report.
    /// </summary>
    /// <param name="model">A float model with default-domain opset 13 or higher.</param>
    /// <param name="mode">How to quantize.</param>
    /// <param name="calibration">
    /// <see cref="QuantizationMode.StaticQdq"/> only, and required there: rows whose columns are named as the model's
    /// inputs (float or string [N, 1], the <see cref="OnnxExporter"/> convention); the float model runs on them to find
    /// the range of each quantized activation. Zero rows is an <see cref="ArgumentException"/>.
    /// </param>
    /// <param name="options">Reduced weight range and calibration batch size; null for <see cref="QuantizationOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">Static mode without calibration rows, or rows lacking a model input column.</exception>
    /// <exception cref="OnnxExportException">The model's opset is below <see cref="MinimumOpset"/>.</exception>
    public static QuantizationResult Quantize(ModelProto model, QuantizationMode mode, DataFrame? calibration = null, QuantizationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Graph is null) throw new ArgumentException("The model has no graph.", nameof(model));
        if (!Enum.IsDefined(mode)) throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not a QuantizationMode.");
        options ??= QuantizationOptions.Default;
        if (mode == QuantizationMode.StaticQdq && calibration is null)
            throw new ArgumentException("StaticQdq needs calibration rows to find activation ranges; pass a frame, or use DynamicInt8 which needs none.", nameof(calibration));
        if (mode == QuantizationMode.StaticQdq && calibration!.RowCount == 0)
            throw new ArgumentException("StaticQdq needs calibration rows, but the frame has none; pass some training rows (a few hundred are enough).", nameof(calibration));
        var opset = model.OpsetImport.FirstOrDefault(o => o.Domain.Length == 0 || o.Domain == "ai.onnx")?.Version ?? 0;
        if (opset < MinimumOpset)
            throw new OnnxExportException($"The model imports the default ONNX domain at opset {opset}; quantization needs {MinimumOpset} or higher.");

        var originalBytes = (long)model.CalculateSize();
        var result = model.Clone();
        var editor = new GraphEditor(result.Graph);
        var notes = new List<string>();
        var nodes = WeightNode.Find(editor, notes);
        var trees = result.Graph.Node.Where(n => n.OpType.StartsWith("TreeEnsemble", StringComparison.Ordinal)).ToList();
        if (trees.Count > 0)
            notes.Add($"{trees.Count} tree ensemble node(s) ({string.Join(", ", trees.Select(t => t.OpType).Distinct())}) kept as float: ONNX Runtime has no int8 tree operators, and their thresholds are compared, not multiplied.");
        if (nodes.Count == 0)
        {
            notes.Add("Nothing quantized: the model has no MatMul or Gemm with a constant weight; the model is returned unchanged.");
            return new QuantizationResult(result, new QuantizationReport(mode, [], notes, originalBytes, originalBytes));
        }
        var done = mode switch
        {
            QuantizationMode.DynamicInt8 => DynamicInt8Rewrite.Apply(editor, nodes, options, notes),
            QuantizationMode.StaticQdq => StaticQdqRewrite.Apply(editor, nodes,
                ActivationCalibrator.Ranges(model, nodes.Select(n => n.Activation).Distinct().ToArray(), calibration!, options), options),
            _ => Float16Rewrite.Apply(editor, nodes, notes),
        };
        if (done.Count > 0) result.MetadataProps.Add(new StringStringEntryProto { Key = MetadataKey, Value = mode.ToString() });
        return new QuantizationResult(result, new QuantizationReport(mode, done, notes, originalBytes, result.CalculateSize()));
    }
}
