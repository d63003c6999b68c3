using Pipelines.Errors;

namespace Pipelines.Export.Serving;

/// <summary>Opens a saved model for scoring by its file name: ".onnx" runs in ONNX Runtime, anything else is a pipeline file.</summary>
public static class ModelScorer
{
    /// <summary>
    /// An <see cref="OnnxScorer"/> on <paramref name="device"/> (the CPU by default) for a path ending in ".onnx", else a
    /// <see cref="PipelineScorer"/>, which runs in process on the CPU: asking it for a CUDA device is a
    /// <see cref="PipelineException"/>.
    /// </summary>
    public static IModelScorer Open(string path, OnnxDevice? device = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (IsOnnx(path)) return OnnxScorer.Open(path, device);
        if (device is { IsCuda: true })
            throw new PipelineException(
                $"{Path.GetFileName(path)} is a pipeline file, which runs in process on the CPU; {device} applies to ONNX models only. " +
                "Export it ('pipelines export') and predict with the .onnx file, or leave out the device.");
        return PipelineScorer.Open(path);
    }

    /// <summary>Whether <paramref name="path"/> names an ONNX model (ends in ".onnx", any case).</summary>
    public static bool IsOnnx(string path) => path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase);
}
