namespace Pipelines.Export.Runtime;

/// <summary>An <c>OrtMemoryInfo</c>: describes CPU memory that input tensors borrow from managed arrays.</summary>
internal sealed unsafe class MemoryInfoHandle(OrtApi api, nint pointer) : OrtHandle(api, pointer)
{
    /// <inheritdoc />
    protected override void Release(nint pointer) => Api.ReleaseMemoryInfo(pointer);
}
