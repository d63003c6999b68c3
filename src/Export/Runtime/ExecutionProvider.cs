namespace Pipelines.Export.Runtime;

/// <summary>Where a session runs: the CPU (the default), or a CUDA device when the loaded build has the CUDA provider.</summary>
public sealed record ExecutionProvider
{
    private ExecutionProvider(ExecutionProviderKind kind, int deviceId)
    {
        Kind = kind;
        DeviceId = deviceId;
    }

    /// <summary>The CPU execution provider, which every build has.</summary>
    public static ExecutionProvider Cpu { get; } = new(ExecutionProviderKind.Cpu, 0);

    /// <summary>
    /// The CUDA execution provider on device <paramref name="deviceId"/>. Needs a CUDA build of ONNX Runtime, named by
    /// <see cref="OrtLibrary.PathVariable"/> or <see cref="InferenceSessionOptions.LibraryPath"/>; the CPU build the
    /// project fetches has none, and creating a session then fails naming the providers it has.
    /// </summary>
    public static ExecutionProvider Cuda(int deviceId = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(deviceId);
        return new ExecutionProvider(ExecutionProviderKind.Cuda, deviceId);
    }

    /// <summary>CPU or CUDA.</summary>
    public ExecutionProviderKind Kind { get; }

    /// <summary>The CUDA device ordinal; 0 for the CPU.</summary>
    public int DeviceId { get; }

    /// <summary>"Cpu" or "Cuda(0)".</summary>
    public override string ToString() => Kind == ExecutionProviderKind.Cpu ? "Cpu" : $"Cuda({DeviceId})";
}

/// <summary>The execution providers this binding can ask for.</summary>
public enum ExecutionProviderKind
{
    /// <summary>CPUExecutionProvider.</summary>
    Cpu,
    /// <summary>CUDAExecutionProvider.</summary>
    Cuda,
}
