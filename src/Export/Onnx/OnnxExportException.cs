using Pipelines.Errors;

namespace Pipelines.Export.Onnx;

/// <summary>A pipeline that cannot be written as ONNX: a fitted type without a converter, a column the graph cannot hold, ...</summary>
public sealed class OnnxExportException(string message) : PipelineException(message);
