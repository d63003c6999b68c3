using Pipelines.Export.Onnx.Proto;

namespace Pipelines.Export.Onnx.Conversion;

/// <summary>A graph output: its name, the value it holds, element type and shape.</summary>
public sealed record OnnxGraphOutput(string Name, string Value, TensorProto.Types.DataType Type, IReadOnlyList<OnnxDim> Shape);
