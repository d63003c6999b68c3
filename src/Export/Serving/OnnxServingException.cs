using Pipelines.Errors;

namespace Pipelines.Export.Serving;

/// <summary>
/// ONNX Runtime could not load or run a model, or the device asked for cannot be used. The message says what was being
/// done and quotes ONNX Runtime's own message (the inner exception, when there is one, is ONNX Runtime's).
/// </summary>
public sealed class OnnxServingException : PipelineException
{
    /// <summary>An error found before or around ONNX Runtime (a device that cannot be used, a library that cannot load).</summary>
    public OnnxServingException(string message) : base(message) { }

    /// <summary>An error ONNX Runtime (or loading it) raised, as <paramref name="inner"/>.</summary>
    public OnnxServingException(string message, Exception inner) : base(message, inner) { }
}
