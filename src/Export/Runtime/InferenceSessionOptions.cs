namespace Pipelines.Export.Runtime;

/// <summary>How to create an <see cref="InferenceSession"/>. The defaults are ONNX Runtime's, on the CPU.</summary>
public sealed record InferenceSessionOptions
{
    /// <summary>Threads used within one operator; null lets ONNX Runtime choose (one per physical core).</summary>
    public int? IntraOpThreads { get; init; }

    /// <summary>
    /// Threads used to run independent operators at once; null leaves ORT's default. A value above 1 also switches
    /// the session to parallel execution mode, where these threads are used.
    /// </summary>
    public int? InterOpThreads { get; init; }

    /// <summary>How much the graph is optimized before running; <see cref="GraphOptimizationLevel.All"/> by default.</summary>
    public GraphOptimizationLevel OptimizationLevel { get; init; } = GraphOptimizationLevel.All;

    /// <summary>Where the session runs; <see cref="ExecutionProvider.Cpu"/> by default.</summary>
    public ExecutionProvider Provider { get; init; } = ExecutionProvider.Cpu;

    /// <summary>
    /// The ONNX Runtime library (file or folder) to load; null looks at <see cref="OrtLibrary.PathVariable"/>, then
    /// next to the assembly (see <see cref="OrtLibrary"/>).
    /// </summary>
    public string? LibraryPath { get; init; }
}
