using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.Student;

namespace Pipelines.AutoML.Job;

/// <summary>
/// What the job produced: the experiment, each figure with the rows it comes from, the ONNX checks, and where the
/// outputs are. The model that ships (model.onnx, the pipeline file, the student) is fitted on <see cref="ShippedRows"/>.
/// </summary>
/// <param name="Experiment">The search (on <see cref="SearchRows"/> rows).</param>
/// <param name="Figures">Out of fold, held out, on the test file: each says which rows it comes from.</param>
/// <param name="Checks">model.onnx (and student.int8.onnx): size, ONNX Runtime latency, parity with the in-process model.</param>
/// <param name="FixesApplied">What the cleaning did, in words.</param>
/// <param name="OutputDir">The output folder.</param>
/// <param name="Outputs">The files written there.</param>
/// <param name="Elapsed">The job's wall-clock time.</param>
public sealed record AutoMLJobResult(
    ExperimentResult Experiment,
    IReadOnlyList<ModelFigure> Figures,
    IReadOnlyList<ModelCheck> Checks,
    IReadOnlyList<string> FixesApplied,
    string OutputDir,
    IReadOnlyList<string> Outputs,
    TimeSpan Elapsed)
{
    /// <summary>Rows of the data.</summary>
    public required int Rows { get; init; }

    /// <summary>
    /// Rows the shipped model is fitted on: all <see cref="Rows"/>, unless the refit on all of them
    /// failed to fit them (<see cref="RefitNote"/>) and the model fitted on the search's rows ships instead.
    /// </summary>
    public required int ShippedRows { get; init; }

    /// <summary>The rows the shipped model is fitted on, in words (<see cref="FittedOn(int, int)"/>).</summary>
    public string ShippedRowsInWords => FittedOn(ShippedRows, Rows);

    /// <summary>"all N rows", or "the search's M of N rows" when the model fitted without the held-out rows ships.</summary>
    public static string FittedOn(int shippedRows, int rows) =>
        shippedRows == rows ? FormattableString.Invariant($"all {rows:N0} rows") : FormattableString.Invariant($"the search's {shippedRows:N0} of {rows:N0} rows");

    /// <summary>Why the shipped model is not the refit on all rows, in words; null when it is.</summary>
    public string? RefitNote { get; init; }

    /// <summary>Rows the search ran on: all of them, or those not held out.</summary>
    public required int SearchRows { get; init; }

    /// <summary>Whether rows were held out, and why.</summary>
    public required HoldoutRule Holdout { get; init; }

    /// <summary>The user's test file, or null.</summary>
    public string? TestPath { get; init; }

    /// <summary>The teacher/student/pruned/int8 table; null when no student was distilled.</summary>
    public CompressionTable? Compression { get; init; }

    /// <summary>How a student of the real one's shape compared with model.onnx; null when none was measured.</summary>
    public StudentChoice? StudentChoice { get; init; }

    /// <summary>Why there is a student or not, in words.</summary>
    public string? StudentNote { get; init; }

    /// <summary>How the time budget was split; null without one (a trial count alone).</summary>
    public JobBudget? Budget { get; init; }

    /// <summary>Seconds each phase took, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Phases { get; init; } = [];

    /// <summary>The process's peak resident bytes at the end of each phase, in the order of <see cref="Phases"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> PhasePeaks { get; init; } = [];
}
