namespace Pipelines.Export.Runtime;

/// <summary>An <c>OrtTensorTypeAndShapeInfo</c>: element type and shape of an output tensor.</summary>
internal sealed unsafe class TensorShapeHandle(OrtApi api, nint pointer) : OrtHandle(api, pointer)
{
    /// <inheritdoc />
    protected override void Release(nint pointer) => Api.ReleaseTensorTypeAndShapeInfo(pointer);
}
