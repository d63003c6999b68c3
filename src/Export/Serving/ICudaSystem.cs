namespace Pipelines.Export.Serving;

/// <summary>
/// What <see cref="CudaProbe"/> asks of the machine: the loaded ONNX Runtime's providers, the platform, whether a
/// shared library loads, and what the NVIDIA driver reports. <see cref="NativeCudaSystem"/> asks the real machine;
/// tests stand in for machines they do not have.
/// </summary>
internal interface ICudaSystem
{
    /// <summary>The execution providers the loaded ONNX Runtime build has (OrtEnv.GetAvailableProviders).</summary>
    IReadOnlyList<string> OrtProviders();

    /// <summary>Whether this process runs on Linux x64, the only platform of the CUDA package.</summary>
    bool IsLinuxX64 { get; }

    /// <summary>This platform, for messages ("Windows x64").</summary>
    string Platform { get; }

    /// <summary>Whether the shared library <paramref name="name"/> loads as ONNX Runtime would load it (dlopen by name).</summary>
    bool CanLoad(string name);

    /// <summary>What the NVIDIA driver (libcuda.so.1, already known to load) reports.</summary>
    CudaDriverState Driver();
}

/// <summary>The NVIDIA driver's answers.</summary>
/// <param name="InitError">Null when cuInit succeeded, else the error's name and code ("CUDA_ERROR_NO_DEVICE (100)").</param>
/// <param name="CudaVersion">The CUDA version the driver supports, as cuDriverGetVersion gives it (13000 for 13.0).</param>
/// <param name="DeviceCount">The CUDA devices the driver sees (cuDeviceGetCount).</param>
internal readonly record struct CudaDriverState(string? InitError, int CudaVersion, int DeviceCount);
