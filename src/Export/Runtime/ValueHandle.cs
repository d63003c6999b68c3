namespace Pipelines.Export.Runtime;

/// <summary>An <c>OrtValue</c>: an input or output tensor of one run.</summary>
internal sealed unsafe class ValueHandle(OrtApi api, nint pointer) : OrtHandle(api, pointer)
{
    /// <inheritdoc />
    protected override void Release(nint pointer) => Api.ReleaseValue(pointer);
}
