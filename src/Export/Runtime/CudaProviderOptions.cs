using System.Runtime.InteropServices;

namespace Pipelines.Export.Runtime;

/// <summary>
/// The C struct <c>OrtCUDAProviderOptions</c> (the legacy one, taken by <c>SessionOptionsAppendExecutionProvider_CUDA</c>),
/// field for field. The three <c>tunable_op_*</c> fields at the end are in the struct in current headers (1.23); ORT reads them, so
/// they are declared (zero) rather than left off.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CudaProviderOptions
{
    public int DeviceId;
    /// <summary>0 = exhaustive (ORT's default), 1 = heuristic, 2 = default algorithm.</summary>
    public int CudnnConvAlgoSearch;
    public nuint GpuMemoryLimit;
    public int ArenaExtendStrategy;
    public int DoCopyInDefaultStream;
    public int HasUserComputeStream;
    public nint UserComputeStream;
    public nint DefaultMemoryArenaConfig;
    public int TunableOpEnable;
    public int TunableOpTuningEnable;
    public int TunableOpMaxTuningDurationMs;

    /// <summary>ORT's defaults for <paramref name="deviceId"/>: no memory limit, copies on the default stream.</summary>
    public static CudaProviderOptions For(int deviceId) => new()
    {
        DeviceId = deviceId,
        GpuMemoryLimit = nuint.MaxValue,
        DoCopyInDefaultStream = 1,
    };
}
