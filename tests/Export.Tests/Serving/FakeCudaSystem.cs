using Pipelines.Export.Serving;

namespace Pipelines.Export.Tests.Serving;

/// <summary>A machine described by hand, for <see cref="CudaProbe"/>: by default one that can run on one CUDA 13.0 GPU.</summary>
internal sealed class FakeCudaSystem : ICudaSystem
{
    public string[] Providers { get; init; } = ["TensorrtExecutionProvider", CudaProbe.Provider, "CPUExecutionProvider"];

    public bool IsLinuxX64 { get; init; } = true;

    public string Platform { get; init; } = "Linux x64";

    /// <summary>The shared libraries that load; by default the driver, the CUDA 13 libraries and cuDNN 9.</summary>
    public HashSet<string> Libraries { get; init; } =
        ["libcuda.so.1", .. CudaProbe.RuntimeLibraries.Select(l => l.Library), CudaProbe.CudnnLibrary];

    public CudaDriverState DriverState { get; init; } = new(null, 13000, 1);

    /// <summary>Every library name the probe asked for, in order.</summary>
    public List<string> Asked { get; } = [];

    public IReadOnlyList<string> OrtProviders() => Providers;

    public bool CanLoad(string name)
    {
        Asked.Add(name);
        return Libraries.Contains(name);
    }

    public CudaDriverState Driver() => DriverState;
}
