using Pipelines.Errors;

namespace Pipelines.Export.Runtime;

/// <summary>
/// An error from ONNX Runtime or from loading it. <see cref="ErrorCode"/> is ORT's code (or
/// <see cref="OrtErrorCode.Binding"/>), and <see cref="OrtMessage"/> ORT's own message, which the
/// <see cref="Exception.Message"/> quotes after saying what was being done.
/// </summary>
public sealed class OnnxRuntimeException : PipelineException
{
    /// <summary>An error raised by the binding itself, before or around ONNX Runtime.</summary>
    public OnnxRuntimeException(string message) : base(message)
    {
        ErrorCode = OrtErrorCode.Binding;
        OrtMessage = "";
    }

    /// <summary>An error raised by the binding itself, caused by <paramref name="inner"/>.</summary>
    public OnnxRuntimeException(string message, Exception inner) : base(message, inner)
    {
        ErrorCode = OrtErrorCode.Binding;
        OrtMessage = "";
    }

    /// <summary>An error ONNX Runtime returned while doing <paramref name="action"/>.</summary>
    public OnnxRuntimeException(OrtErrorCode code, string ortMessage, string action)
        : base($"ONNX Runtime failed {action}: [{code}] {ortMessage}")
    {
        ErrorCode = code;
        OrtMessage = ortMessage;
    }

    /// <summary>ORT's error code, or <see cref="OrtErrorCode.Binding"/> for errors of this binding.</summary>
    public OrtErrorCode ErrorCode { get; }

    /// <summary>ORT's own message; empty for errors of this binding.</summary>
    public string OrtMessage { get; }
}
