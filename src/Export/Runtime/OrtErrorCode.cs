namespace Pipelines.Export.Runtime;

/// <summary>
/// ONNX Runtime's error codes (<c>OrtErrorCode</c>), carried by <see cref="OnnxRuntimeException"/>. Errors this binding
/// raises itself before calling ONNX Runtime (a missing library, a missing provider, a wrong tensor) use
/// <see cref="Binding"/>.
/// </summary>
public enum OrtErrorCode
{
    /// <summary>Not from ONNX Runtime: raised by this binding (library loading, argument checks).</summary>
    Binding = -1,
    /// <summary>ORT_OK.</summary>
    Ok = 0,
    /// <summary>ORT_FAIL.</summary>
    Fail = 1,
    /// <summary>ORT_INVALID_ARGUMENT: for example a wrong input name, type or shape.</summary>
    InvalidArgument = 2,
    /// <summary>ORT_NO_SUCHFILE.</summary>
    NoSuchFile = 3,
    /// <summary>ORT_NO_MODEL.</summary>
    NoModel = 4,
    /// <summary>ORT_ENGINE_ERROR.</summary>
    EngineError = 5,
    /// <summary>ORT_RUNTIME_EXCEPTION.</summary>
    RuntimeException = 6,
    /// <summary>ORT_INVALID_PROTOBUF: the model bytes are not an ONNX model.</summary>
    InvalidProtobuf = 7,
    /// <summary>ORT_MODEL_LOADED.</summary>
    ModelLoaded = 8,
    /// <summary>ORT_NOT_IMPLEMENTED: for example an operator the build does not have.</summary>
    NotImplemented = 9,
    /// <summary>ORT_INVALID_GRAPH.</summary>
    InvalidGraph = 10,
    /// <summary>ORT_EP_FAIL: an execution provider failed.</summary>
    ExecutionProviderFail = 11,
}
