using System.Globalization;
using Pipelines.Errors;

namespace Pipelines.Export.Serving;

/// <summary>
/// Where ONNX Runtime runs a model: the CPU (the default), or CUDA device N, which needs the CUDA build of ONNX Runtime
/// (<c>-p:OnnxRuntimeGpu=true</c>) and an NVIDIA GPU with its driver, CUDA and cuDNN (see docs/onnxruntime.md).
/// Written and parsed as <c>cpu</c>, <c>cuda</c> (device 0) or <c>cuda:N</c>.
/// </summary>
public sealed record OnnxDevice
{
    private OnnxDevice(bool isCuda, int deviceId)
    {
        IsCuda = isCuda;
        DeviceId = deviceId;
    }

    /// <summary>ONNX Runtime's CPU execution provider, which every build has.</summary>
    public static OnnxDevice Cpu { get; } = new(false, 0);

    /// <summary>ONNX Runtime's CUDA execution provider on device <paramref name="deviceId"/> (0 is the first GPU).</summary>
    public static OnnxDevice Cuda(int deviceId = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(deviceId);
        return new OnnxDevice(true, deviceId);
    }

    /// <summary>Whether this is a CUDA device rather than the CPU.</summary>
    public bool IsCuda { get; }

    /// <summary>The CUDA device ordinal; 0 for the CPU.</summary>
    public int DeviceId { get; }

    /// <summary>
    /// Parses <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c> (any case). Anything else is a <see cref="PipelineException"/>
    /// that lists the accepted forms.
    /// </summary>
    public static OnnxDevice Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        if (value.Equals("cpu", StringComparison.OrdinalIgnoreCase)) return Cpu;
        if (value.Equals("cuda", StringComparison.OrdinalIgnoreCase)) return Cuda(0);
        const string prefix = "cuda:";
        if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && int.TryParse(value.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return Cuda(id);
        throw new PipelineException($"'{text}' is not a device: use cpu, cuda or cuda:N (N the CUDA device number, from 0).");
    }

    /// <summary><c>cpu</c> or <c>cuda:N</c>, as <see cref="Parse"/> reads it.</summary>
    public override string ToString() => IsCuda ? $"cuda:{DeviceId.ToString(CultureInfo.InvariantCulture)}" : "cpu";
}
