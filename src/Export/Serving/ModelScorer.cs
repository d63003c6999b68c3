namespace Pipelines.Export.Serving;

/// <summary>Opens a saved model for scoring by its file name: ".onnx" runs in ONNX Runtime, anything else is a pipeline file.</summary>
public static class ModelScorer
{
    /// <summary>An <see cref="OnnxScorer"/> for a path ending in ".onnx", else a <see cref="PipelineScorer"/>.</summary>
    public static IModelScorer Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return IsOnnx(path) ? OnnxScorer.Open(path) : PipelineScorer.Open(path);
    }

    /// <summary>Whether <paramref name="path"/> names an ONNX model (ends in ".onnx", any case).</summary>
    public static bool IsOnnx(string path) => path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase);
}
