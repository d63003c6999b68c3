namespace Pipelines.Export.Runtime;

/// <summary>An <c>OrtEnv</c>: ONNX Runtime's logging and thread-pool environment, one per loaded library.</summary>
internal sealed unsafe class EnvHandle(OrtApi api, nint pointer) : OrtHandle(api, pointer)
{
    /// <inheritdoc />
    protected override void Release(nint pointer) => Api.ReleaseEnv(pointer);
}
