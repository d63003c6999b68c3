namespace Pipelines.Export.Runtime;

/// <summary>An <c>OrtSessionOptions</c>, needed only while a session is created.</summary>
internal sealed unsafe class SessionOptionsHandle(OrtApi api, nint pointer) : OrtHandle(api, pointer)
{
    /// <inheritdoc />
    protected override void Release(nint pointer) => Api.ReleaseSessionOptions(pointer);
}
