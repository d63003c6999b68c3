namespace Pipelines.Export.Runtime;

/// <summary>
/// The entries of ONNX Runtime's <c>OrtApi</c> function table this binding calls, read by index. The table is
/// append-only and every entry is pointer-sized, so entry <c>i</c> sits at byte offset <c>i * sizeof(void*)</c>
/// (indices from include/onnxruntime/core/session/onnxruntime_c_api.h). Opaque ORT objects travel as <see cref="nint"/>;
/// every function named <c>...Status</c> in the header returns an <c>OrtStatus*</c>, zero on success.
/// </summary>
internal sealed unsafe class OrtApi
{
    /// <summary>The oldest C API version that has every entry read here.</summary>
    public const uint MinimumVersion = 13;

    public readonly delegate* unmanaged[Cdecl]<nint, int> GetErrorCode;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*> GetErrorMessage;
    public readonly delegate* unmanaged[Cdecl]<int, byte*, nint*, nint> CreateEnv;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, nint, nint*, nint> CreateSession;
    public readonly delegate* unmanaged[Cdecl]<nint, void*, nuint, nint, nint*, nint> CreateSessionFromArray;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint> Run;
    public readonly delegate* unmanaged[Cdecl]<nint*, nint> CreateSessionOptions;
    public readonly delegate* unmanaged[Cdecl]<nint, int, nint> SetSessionExecutionMode;
    public readonly delegate* unmanaged[Cdecl]<nint, int, nint> SetSessionGraphOptimizationLevel;
    public readonly delegate* unmanaged[Cdecl]<nint, int, nint> SetIntraOpNumThreads;
    public readonly delegate* unmanaged[Cdecl]<nint, int, nint> SetInterOpNumThreads;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> SessionGetInputCount;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> SessionGetOutputCount;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint> SessionGetInputTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint> SessionGetOutputTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint> SessionGetInputName;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint> SessionGetOutputName;
    public readonly delegate* unmanaged[Cdecl]<nint, long*, nuint, int, nint*, nint> CreateTensorAsOrtValue;
    public readonly delegate* unmanaged[Cdecl]<nint, void*, nuint, long*, nuint, int, nint*, nint> CreateTensorWithDataAsOrtValue;
    public readonly delegate* unmanaged[Cdecl]<nint, void**, nint> GetTensorMutableData;
    public readonly delegate* unmanaged[Cdecl]<nint, byte**, nuint, nint> FillStringTensor;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> GetStringTensorDataLength;
    public readonly delegate* unmanaged[Cdecl]<nint, void*, nuint, nuint*, nuint, nint> GetStringTensorContent;
    public readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> CastTypeInfoToTensorInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, int*, nint> GetOnnxTypeFromTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, int*, nint> GetTensorElementType;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> GetDimensionsCount;
    public readonly delegate* unmanaged[Cdecl]<nint, long*, nuint, nint> GetDimensions;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> GetTensorShapeElementCount;
    public readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> GetTensorTypeAndShape;
    public readonly delegate* unmanaged[Cdecl]<nint, int*, nint> GetValueType;
    public readonly delegate* unmanaged[Cdecl]<int, int, nint*, nint> CreateCpuMemoryInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, void*, nint> AllocatorFree;
    public readonly delegate* unmanaged[Cdecl]<nint*, nint> GetAllocatorWithDefaultOptions;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseEnv;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseStatus;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseMemoryInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseSession;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseValue;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseTensorTypeAndShapeInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseSessionOptions;
    public readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> SessionGetModelMetadata;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, byte**, nint> ModelMetadataGetProducerName;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, byte**, nint> ModelMetadataGetGraphName;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, byte**, nint> ModelMetadataGetDomain;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, byte**, nint> ModelMetadataGetDescription;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, byte*, byte**, nint> ModelMetadataLookupCustomMetadataMap;
    public readonly delegate* unmanaged[Cdecl]<nint, long*, nint> ModelMetadataGetVersion;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseModelMetadata;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, byte***, long*, nint> ModelMetadataGetCustomMetadataMapKeys;
    public readonly delegate* unmanaged[Cdecl]<byte***, int*, nint> GetAvailableProviders;
    public readonly delegate* unmanaged[Cdecl]<byte**, int, nint> ReleaseAvailableProviders;
    public readonly delegate* unmanaged[Cdecl]<nint, CudaProviderOptions*, nint> SessionOptionsAppendExecutionProvider_CUDA;

    /// <summary>Reads the entries from the table at <paramref name="table"/> (what <c>OrtApiBase.GetApi</c> returned).</summary>
    public OrtApi(nint table)
    {
        var entry = (nint*)table;
        GetErrorCode = (delegate* unmanaged[Cdecl]<nint, int>)entry[1];
        GetErrorMessage = (delegate* unmanaged[Cdecl]<nint, byte*>)entry[2];
        CreateEnv = (delegate* unmanaged[Cdecl]<int, byte*, nint*, nint>)entry[3];
        CreateSession = (delegate* unmanaged[Cdecl]<nint, byte*, nint, nint*, nint>)entry[7];
        CreateSessionFromArray = (delegate* unmanaged[Cdecl]<nint, void*, nuint, nint, nint*, nint>)entry[8];
        Run = (delegate* unmanaged[Cdecl]<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint>)entry[9];
        CreateSessionOptions = (delegate* unmanaged[Cdecl]<nint*, nint>)entry[10];
        SetSessionExecutionMode = (delegate* unmanaged[Cdecl]<nint, int, nint>)entry[13];
        SetSessionGraphOptimizationLevel = (delegate* unmanaged[Cdecl]<nint, int, nint>)entry[23];
        SetIntraOpNumThreads = (delegate* unmanaged[Cdecl]<nint, int, nint>)entry[24];
        SetInterOpNumThreads = (delegate* unmanaged[Cdecl]<nint, int, nint>)entry[25];
        SessionGetInputCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)entry[30];
        SessionGetOutputCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)entry[31];
        SessionGetInputTypeInfo = (delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint>)entry[33];
        SessionGetOutputTypeInfo = (delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint>)entry[34];
        SessionGetInputName = (delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint>)entry[36];
        SessionGetOutputName = (delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint>)entry[37];
        CreateTensorAsOrtValue = (delegate* unmanaged[Cdecl]<nint, long*, nuint, int, nint*, nint>)entry[48];
        CreateTensorWithDataAsOrtValue = (delegate* unmanaged[Cdecl]<nint, void*, nuint, long*, nuint, int, nint*, nint>)entry[49];
        GetTensorMutableData = (delegate* unmanaged[Cdecl]<nint, void**, nint>)entry[51];
        FillStringTensor = (delegate* unmanaged[Cdecl]<nint, byte**, nuint, nint>)entry[52];
        GetStringTensorDataLength = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)entry[53];
        GetStringTensorContent = (delegate* unmanaged[Cdecl]<nint, void*, nuint, nuint*, nuint, nint>)entry[54];
        CastTypeInfoToTensorInfo = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)entry[55];
        GetOnnxTypeFromTypeInfo = (delegate* unmanaged[Cdecl]<nint, int*, nint>)entry[56];
        GetTensorElementType = (delegate* unmanaged[Cdecl]<nint, int*, nint>)entry[60];
        GetDimensionsCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)entry[61];
        GetDimensions = (delegate* unmanaged[Cdecl]<nint, long*, nuint, nint>)entry[62];
        GetTensorShapeElementCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)entry[64];
        GetTensorTypeAndShape = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)entry[65];
        GetValueType = (delegate* unmanaged[Cdecl]<nint, int*, nint>)entry[67];
        CreateCpuMemoryInfo = (delegate* unmanaged[Cdecl]<int, int, nint*, nint>)entry[69];
        AllocatorFree = (delegate* unmanaged[Cdecl]<nint, void*, nint>)entry[76];
        GetAllocatorWithDefaultOptions = (delegate* unmanaged[Cdecl]<nint*, nint>)entry[78];
        ReleaseEnv = (delegate* unmanaged[Cdecl]<nint, void>)entry[92];
        ReleaseStatus = (delegate* unmanaged[Cdecl]<nint, void>)entry[93];
        ReleaseMemoryInfo = (delegate* unmanaged[Cdecl]<nint, void>)entry[94];
        ReleaseSession = (delegate* unmanaged[Cdecl]<nint, void>)entry[95];
        ReleaseValue = (delegate* unmanaged[Cdecl]<nint, void>)entry[96];
        ReleaseTypeInfo = (delegate* unmanaged[Cdecl]<nint, void>)entry[98];
        ReleaseTensorTypeAndShapeInfo = (delegate* unmanaged[Cdecl]<nint, void>)entry[99];
        ReleaseSessionOptions = (delegate* unmanaged[Cdecl]<nint, void>)entry[100];
        SessionGetModelMetadata = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)entry[111];
        ModelMetadataGetProducerName = (delegate* unmanaged[Cdecl]<nint, nint, byte**, nint>)entry[112];
        ModelMetadataGetGraphName = (delegate* unmanaged[Cdecl]<nint, nint, byte**, nint>)entry[113];
        ModelMetadataGetDomain = (delegate* unmanaged[Cdecl]<nint, nint, byte**, nint>)entry[114];
        ModelMetadataGetDescription = (delegate* unmanaged[Cdecl]<nint, nint, byte**, nint>)entry[115];
        ModelMetadataLookupCustomMetadataMap = (delegate* unmanaged[Cdecl]<nint, nint, byte*, byte**, nint>)entry[116];
        ModelMetadataGetVersion = (delegate* unmanaged[Cdecl]<nint, long*, nint>)entry[117];
        ReleaseModelMetadata = (delegate* unmanaged[Cdecl]<nint, void>)entry[118];
        ModelMetadataGetCustomMetadataMapKeys = (delegate* unmanaged[Cdecl]<nint, nint, byte***, long*, nint>)entry[123];
        GetAvailableProviders = (delegate* unmanaged[Cdecl]<byte***, int*, nint>)entry[125];
        ReleaseAvailableProviders = (delegate* unmanaged[Cdecl]<byte**, int, nint>)entry[126];
        SessionOptionsAppendExecutionProvider_CUDA = (delegate* unmanaged[Cdecl]<nint, CudaProviderOptions*, nint>)entry[152];
    }
}
