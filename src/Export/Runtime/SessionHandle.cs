namespace Pipelines.Export.Runtime;

/// <summary>An <c>OrtSession</c>: a loaded model. Concurrent <c>Run</c> calls on one session are allowed.</summary>
internal sealed unsafe class SessionHandle(OrtApi api, nint pointer) : OrtHandle(api, pointer)
{
    /// <inheritdoc />
    protected override void Release(nint pointer) => Api.ReleaseSession(pointer);
}
