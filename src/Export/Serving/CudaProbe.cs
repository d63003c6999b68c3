using System.Globalization;

namespace Pipelines.Export.Serving;

/// <summary>
/// Finds what stops ONNX Runtime from running on a CUDA device, before a session is created, so the user gets one
/// sentence naming the missing piece instead of a provider-loading failure. The order is that of the dependencies:
/// the build (CUDA provider present), the platform, the driver, the device, the CUDA libraries, cuDNN.
/// </summary>
/// <remarks>
/// The library names are those the CUDA provider of Microsoft.ML.OnnxRuntime.Gpu.Linux 1.32.0 needs: its
/// libonnxruntime_providers_cuda.so links libcudart.so.13, libcublas.so.13, libcublasLt.so.13, libcurand.so.10 and
/// libcuda.so.1 (readelf -d), was compiled by nvcc release 13.0, and loads libcudnn.so.9 at run time (see docs/onnxruntime.md).
/// </remarks>
internal static class CudaProbe
{
    /// <summary>The CUDA major version the CUDA package's provider was built against.</summary>
    public const int CudaMajor = 13;

    /// <summary>The cuDNN major version it loads.</summary>
    public const int CudnnMajor = 9;

    /// <summary>ONNX Runtime's name for the CUDA execution provider.</summary>
    public const string Provider = "CUDAExecutionProvider";

    public const string CudnnLibrary = "libcudnn.so.9";

    /// <summary>The CUDA runtime libraries the provider links, with what each is.</summary>
    public static readonly IReadOnlyList<(string Library, string Component)> RuntimeLibraries =
    [
        ("libcudart.so.13", "the CUDA runtime"),
        ("libcublasLt.so.13", "cuBLASLt"),
        ("libcublas.so.13", "cuBLAS"),
        ("libcurand.so.10", "cuRAND"),
    ];

    /// <summary>Null when <paramref name="deviceId"/> can run models, else what is missing, as one sentence without a final period.</summary>
    public static string? Problem(int deviceId, ICudaSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var providers = system.OrtProviders();
        if (!providers.Contains(Provider, StringComparer.Ordinal))
            return "this build has the CPU ONNX Runtime; rebuild with -p:OnnxRuntimeGpu=true";
        if (!system.IsLinuxX64)
            return $"the CUDA build of ONNX Runtime (Microsoft.ML.OnnxRuntime.Gpu.Linux) runs on Linux x64 only, and this is {system.Platform}";
        if (!system.CanLoad(NativeCudaSystem.DriverLibrary))
            return $"{NativeCudaSystem.DriverLibrary} (the NVIDIA driver) not found: install the NVIDIA driver on a machine with an NVIDIA GPU";
        var driver = system.Driver();
        if (driver.InitError is { } error)
            return $"the NVIDIA driver cannot use any GPU: cuInit failed with {error}";
        if (driver.CudaVersion / 1000 < CudaMajor)
            return $"the NVIDIA driver supports CUDA {Version(driver.CudaVersion)}, but ONNX Runtime's CUDA build needs CUDA {CudaMajor}: update the driver";
        if (driver.DeviceCount == 0) return "the NVIDIA driver sees no CUDA device";
        if (deviceId >= driver.DeviceCount)
            return $"device cuda:{deviceId} out of range: this machine has {driver.DeviceCount} CUDA device{(driver.DeviceCount == 1 ? " (cuda:0)" : $"s (cuda:0 to cuda:{driver.DeviceCount - 1})")}";
        foreach (var (library, component) in RuntimeLibraries)
        {
            if (!system.CanLoad(library))
                return $"{library} ({component}) not found: install the CUDA {CudaMajor} runtime libraries (cudart, cuBLAS, cuRAND) where the loader finds them (ldconfig or LD_LIBRARY_PATH)";
        }
        if (!system.CanLoad(CudnnLibrary))
            return $"{CudnnLibrary} not found: install cuDNN {CudnnMajor} for CUDA {CudaMajor}";
        return null;
    }

    /// <summary>13020 → "13.2".</summary>
    private static string Version(int cudaVersion) =>
        string.Create(CultureInfo.InvariantCulture, $"{cudaVersion / 1000}.{cudaVersion % 1000 / 10}");
}
