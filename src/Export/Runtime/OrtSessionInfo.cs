using System.Runtime.InteropServices;

namespace Pipelines.Export.Runtime;

/// <summary>Reads a session's inputs, outputs and model metadata once, when it is created.</summary>
internal static unsafe class OrtSessionInfo
{
    /// <summary>The declared inputs, in the model's order.</summary>
    public static TensorInfo[] Inputs(OrtLibrary library, SessionHandle session) => Read(library, session, input: true);

    /// <summary>The declared outputs, in the model's order.</summary>
    public static TensorInfo[] Outputs(OrtLibrary library, SessionHandle session) => Read(library, session, input: false);

    /// <summary>Producer, graph name, domain, description, version and custom metadata.</summary>
    public static ModelMetadata Metadata(OrtLibrary library, SessionHandle session)
    {
        var api = library.Api;
        const string action = "reading the model metadata";
        nint pointer;
        OrtStatus.Check(api, api.SessionGetModelMetadata(session.Pointer, &pointer), action);
        using var metadata = new ModelMetadataHandle(api, pointer);
        byte* text;
        OrtStatus.Check(api, api.ModelMetadataGetProducerName(pointer, library.Allocator, &text), action);
        var producer = Take(library, text);
        OrtStatus.Check(api, api.ModelMetadataGetGraphName(pointer, library.Allocator, &text), action);
        var graph = Take(library, text);
        OrtStatus.Check(api, api.ModelMetadataGetDomain(pointer, library.Allocator, &text), action);
        var domain = Take(library, text);
        OrtStatus.Check(api, api.ModelMetadataGetDescription(pointer, library.Allocator, &text), action);
        var description = Take(library, text);
        long version;
        OrtStatus.Check(api, api.ModelMetadataGetVersion(pointer, &version), action);

        var custom = new Dictionary<string, string>(StringComparer.Ordinal);
        byte** keys;
        long keyCount;
        OrtStatus.Check(api, api.ModelMetadataGetCustomMetadataMapKeys(pointer, library.Allocator, &keys, &keyCount), action);
        var names = new string[keys == null ? 0 : (int)keyCount];
        if (keys != null)
        {
            try
            {
                for (var i = 0; i < names.Length; i++) names[i] = Take(library, keys[i]);
            }
            finally
            {
                OrtStatus.Check(api, api.AllocatorFree(library.Allocator, keys), action);
            }
        }
        foreach (var key in names)
        {
            fixed (byte* native = NullTerminated(key))
            {
                OrtStatus.Check(api, api.ModelMetadataLookupCustomMetadataMap(pointer, library.Allocator, native, &text), action);
            }
            custom[key] = Take(library, text);
        }
        return new ModelMetadata(producer, graph, domain, description, version, custom);
    }

    /// <summary>Reads an ORT-allocated UTF-8 string and frees it with the default allocator; null reads as "".</summary>
    public static string Take(OrtLibrary library, byte* text)
    {
        if (text == null) return "";
        try
        {
            return Marshal.PtrToStringUTF8((nint)text) ?? "";
        }
        finally
        {
            OrtStatus.Check(library.Api, library.Api.AllocatorFree(library.Allocator, text), "freeing a string");
        }
    }

    private static byte[] NullTerminated(string text)
    {
        var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(text) + 1];
        System.Text.Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    private static TensorInfo[] Read(OrtLibrary library, SessionHandle session, bool input)
    {
        var api = library.Api;
        var action = input ? "reading the model inputs" : "reading the model outputs";
        nuint count;
        OrtStatus.Check(api, input ? api.SessionGetInputCount(session.Pointer, &count) : api.SessionGetOutputCount(session.Pointer, &count), action);
        var result = new TensorInfo[(int)count];
        for (nuint i = 0; i < count; i++)
        {
            byte* name;
            OrtStatus.Check(api, input
                ? api.SessionGetInputName(session.Pointer, i, library.Allocator, &name)
                : api.SessionGetOutputName(session.Pointer, i, library.Allocator, &name), action);
            var text = Take(library, name);
            nint typeInfo;
            OrtStatus.Check(api, input
                ? api.SessionGetInputTypeInfo(session.Pointer, i, &typeInfo)
                : api.SessionGetOutputTypeInfo(session.Pointer, i, &typeInfo), action);
            using var typeHandle = new TypeInfoHandle(api, typeInfo);
            result[(int)i] = Describe(api, text, typeInfo, action);
        }
        return result;
    }

    private static TensorInfo Describe(OrtApi api, string name, nint typeInfo, string action)
    {
        int valueType;
        OrtStatus.Check(api, api.GetOnnxTypeFromTypeInfo(typeInfo, &valueType), action);
        if ((OnnxValueType)valueType != OnnxValueType.Tensor)
            return new TensorInfo(name, (OnnxValueType)valueType, TensorElementType.Undefined, []);
        nint tensorInfo; // owned by typeInfo: not released here
        OrtStatus.Check(api, api.CastTypeInfoToTensorInfo(typeInfo, &tensorInfo), action);
        int elementType;
        nuint rank;
        OrtStatus.Check(api, api.GetTensorElementType(tensorInfo, &elementType), action);
        OrtStatus.Check(api, api.GetDimensionsCount(tensorInfo, &rank), action);
        var shape = new long[(int)rank];
        fixed (long* dims = shape) OrtStatus.Check(api, api.GetDimensions(tensorInfo, dims, rank), action);
        return new TensorInfo(name, OnnxValueType.Tensor, (TensorElementType)elementType, shape);
    }
}
