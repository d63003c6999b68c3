namespace Pipelines.Export.Runtime;

/// <summary>An <c>OrtTypeInfo</c>: the type of a session input or output.</summary>
internal sealed unsafe class TypeInfoHandle(OrtApi api, nint pointer) : OrtHandle(api, pointer)
{
    /// <inheritdoc />
    protected override void Release(nint pointer) => Api.ReleaseTypeInfo(pointer);
}
