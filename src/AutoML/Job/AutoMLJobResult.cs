using Pipelines.AutoML.Experiments;

namespace Pipelines.AutoML.Job;

/// <summary>What the job produced: the experiment, the test checks of each model, and where the outputs are.</summary>
public sealed record AutoMLJobResult(
    ExperimentResult Experiment,
    IReadOnlyList<ModelCheck> Checks,
    IReadOnlyList<string> FixesApplied,
    string OutputDir,
    IReadOnlyList<string> Outputs,
    TimeSpan Elapsed)
{
    /// <summary>The teacher/student/pruned/int8 table; null for regression or without a student.</summary>
    public Student.CompressionTable? Compression { get; init; }
}
