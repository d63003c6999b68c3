using Pipelines.Errors;

namespace Pipelines.AutoML.Student;

/// <summary>
/// How <see cref="CompressionStages"/> times a model in ONNX Runtime. Input tensors are built before timing, so the
/// time is that of ONNX Runtime's <c>InferenceSession.Run</c> alone (feeding the tensors, running the graph, copying the
/// outputs back). Each model first runs once on a batch and on a single row (warm-up: allocations, kernel selection),
/// then:
/// <list type="bullet">
/// <item>batches: passes over the test rows in batches of <see cref="BatchRows"/> until at least
/// <see cref="MinMilliseconds"/> have passed; mean milliseconds per row = time / rows run;</item>
/// <item>single rows: passes over the first test rows, one row per call, until at least <see cref="MinMilliseconds"/>
/// have passed; mean milliseconds per call. As many rows (up to <see cref="MaxSingleRows"/>) as one pass of
/// <see cref="MinMilliseconds"/> holds at the warm-up call's pace.</item>
/// </list>
/// </summary>
public sealed record LatencyOptions
{
    /// <summary>Rows per call in the batch measurement.</summary>
    public int BatchRows { get; init; } = 256;

    /// <summary>Test rows timed one at a time (the first ones).</summary>
    public int MaxSingleRows { get; init; } = 200;

    /// <summary>Least time spent timing each of the two measurements.</summary>
    public double MinMilliseconds { get; init; } = 100;

    /// <summary>
    /// ONNX Runtime's threads within one operator; 1 by default, so numbers do not depend on how busy the other cores
    /// are and compare across models; 0 lets ONNX Runtime choose (one per physical core).
    /// </summary>
    public int IntraOpThreads { get; init; } = 1;

    internal void Validate(string step)
    {
        if (BatchRows < 1) ThrowHelper.BadOption(step, nameof(BatchRows), BatchRows, "at least 1");
        if (MaxSingleRows < 1) ThrowHelper.BadOption(step, nameof(MaxSingleRows), MaxSingleRows, "at least 1");
        if (!(MinMilliseconds >= 0) || double.IsInfinity(MinMilliseconds)) ThrowHelper.BadOption(step, nameof(MinMilliseconds), MinMilliseconds, "a finite value >= 0");
        if (IntraOpThreads < 0) ThrowHelper.BadOption(step, nameof(IntraOpThreads), IntraOpThreads, "0 (ONNX Runtime's choice) or more");
    }
}
