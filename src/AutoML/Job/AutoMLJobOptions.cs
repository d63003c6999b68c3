using Pipelines.Evaluation;
using Pipelines.Export.Serving;

namespace Pipelines.AutoML.Job;

/// <summary>Settings of <see cref="AutoMLJob"/>, as `pipelines automl` takes them.</summary>
public sealed record AutoMLJobOptions
{
    /// <summary>The CSV/TSV file (optionally .gz) to learn from.</summary>
    public required string DataPath { get; init; }

    public required string Label { get; init; }

    /// <summary>The output folder.</summary>
    public required string OutputDir { get; init; }

    /// <summary>Budget of the search and final refit (distillation, export and the report come after it).</summary>
    public TimeSpan Time { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The metric to optimize; null for the default for the label.</summary>
    public Metric? Metric { get; init; }

    /// <summary>Caps the trials (makes the search reproducible when set without a budget).</summary>
    public int? MaxTrials { get; init; }

    /// <summary>Share of rows held out for testing, stratified and seeded.</summary>
    public double TestFraction { get; init; } = 0.25;

    public int Seed { get; init; }

    /// <summary>Trials run at once.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>A fixed threshold on the positive class (binary labels); null tunes the rule for the metric.</summary>
    public double? Threshold { get; init; }

    /// <summary>A cost matrix CSV (rows actual, columns predicted, class names as headers); the rule then minimizes cost.</summary>
    public string? CostMatrixPath { get; init; }

    /// <summary>Whether to distil, prune and quantize a student model.</summary>
    public bool Student { get; init; } = true;

    /// <summary>
    /// Where ONNX Runtime runs the check of model.onnx on the test rows (the student is timed on the CPU, where it is
    /// meant to serve). A CUDA device is checked before the search starts, so a missing driver or library ends the job
    /// at once.
    /// </summary>
    public OnnxDevice Device { get; init; } = OnnxDevice.Cpu;

    /// <summary>
    /// File name (in the output folder) of the ML.NET model written from model.onnx (see <see cref="MLNet.MLNetModel"/>);
    /// null writes none. A plain file name, not a path.
    /// </summary>
    public string? MLNetModel { get; init; } = JobOutputs.MLNetModel;

    /// <summary>The learners to search (<see cref="SearchSpace.LearnerSelection.Parse"/> reads them by name); null for the default learners.</summary>
    public IReadOnlyList<SearchSpace.ILearnerSpace>? Learners { get; init; }
}
