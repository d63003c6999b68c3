using Pipelines.Export.Onnx.Proto;

namespace Pipelines.Export.Quantization;

/// <summary>The quantized model (a new object; the input is not changed) and the report of what was done.</summary>
/// <param name="Model">The rewritten model, or an unchanged copy when nothing could be quantized.</param>
/// <param name="Report">Nodes rewritten, notes and sizes.</param>
public sealed record QuantizationResult(ModelProto Model, QuantizationReport Report);
