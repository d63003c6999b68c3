namespace Pipelines.Export.Runtime;

/// <summary>An <c>OrtModelMetadata</c>: producer, description and custom metadata of a model.</summary>
internal sealed unsafe class ModelMetadataHandle(OrtApi api, nint pointer) : OrtHandle(api, pointer)
{
    /// <inheritdoc />
    protected override void Release(nint pointer) => Api.ReleaseModelMetadata(pointer);
}
