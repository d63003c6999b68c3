using Pipelines.AutoML.SearchSpace;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.Export.Serving;

namespace Pipelines.AutoML.Job;

/// <summary>Settings of <see cref="AutoMLJob"/>, as `pipelines automl` takes them.</summary>
public sealed record AutoMLJobOptions
{
    /// <summary>The CSV/TSV file (optionally .gz), or Excel workbook, to learn from.</summary>
    public required string DataPath { get; init; }

    /// <summary>The worksheet of <see cref="DataPath"/> to learn from where it is a workbook; null for its first.</summary>
    public string? Sheet { get; init; }

    /// <summary>How the report and the saved models name the data: its file name, and the sheet where one was named.</summary>
    public string DataName => Sheet is null ? Path.GetFileName(DataPath) : $"{Path.GetFileName(DataPath)}, sheet '{Sheet}'";

    /// <summary>The label column.</summary>
    public required string Label { get; init; }

    /// <summary>The output folder.</summary>
    public required string OutputDir { get; init; }

    /// <summary>
    /// Budget of the whole job, from reading the data to the last output: the steps after the search (refit on all
    /// rows, export, ONNX checks, distillation, importance, report) are estimated and their time kept back from the
    /// search (<see cref="JobBudget"/>). When <see cref="MaxTrials"/> is set the job has no budget (the run is then
    /// reproducible), and this is each trial's time limit: a trial running longer fails and the search goes on.
    /// </summary>
    public TimeSpan Time { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Columns the job leaves out (an identifier, a column known only after the outcome): the model neither reads nor
    /// needs them, and a test file or the rows to predict may lack them. A column of dates read as its parts
    /// (<see cref="IO.CsvOptions.DateParts"/>) is left out by its own name. Null or empty for none.
    /// </summary>
    public IReadOnlyList<string>? Ignore { get; init; }

    /// <summary>The metric to optimize; null for the default for the label.</summary>
    public Metric? Metric { get; init; }

    /// <summary>What to read the label as: decided from it (the default), classes, or values to regress (<see cref="LabelTask.Read"/>).</summary>
    public TaskChoice Task { get; init; } = TaskChoice.Auto;

    /// <summary>Caps the trials, and makes the job reproducible: it then has no budget (<see cref="Time"/> limits each trial).</summary>
    public int? MaxTrials { get; init; }

    /// <summary>True with a trial count: the job has no budget, and the experiment's run is reproducible too.</summary>
    internal bool IsReproducible => MaxTrials is not null;

    /// <summary>Share of rows held out for a test figure, stratified and seeded, when <see cref="MinHoldoutRows"/> allows one.</summary>
    public double TestFraction { get; init; } = 0.25;

    /// <summary>
    /// Rows the held-out part must have for the job to hold one out (<see cref="HoldoutRule"/>); with fewer, the
    /// out-of-fold estimate is the only figure. 0 always holds out; <see cref="int.MaxValue"/> never does.
    /// </summary>
    public int MinHoldoutRows { get; init; } = HoldoutRule.DefaultMinRows;

    /// <summary>
    /// A CSV file of test rows (the data's columns and label) that the shipped model is measured on; no part of the data
    /// is then held out. Null for none.
    /// </summary>
    public string? TestPath { get; init; }

    /// <summary>The worksheet of <see cref="TestPath"/> where it is a workbook; null for its first.</summary>
    public string? TestSheet { get; init; }

    public int Seed { get; init; }

    /// <summary>Trials run at once.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>A fixed threshold on the positive class (binary labels); null tunes the rule for the metric.</summary>
    public double? Threshold { get; init; }

    /// <summary>A cost matrix CSV (rows actual, columns predicted, class names as headers); the rule then minimizes cost.</summary>
    public string? CostMatrixPath { get; init; }

    /// <summary>
    /// The learners to search (<see cref="LearnerSelection.Parse"/> reads them by name); null for the catalog's defaults
    /// (<see cref="SearchSpaceCatalog.DefaultLearners"/>).
    /// </summary>
    public IReadOnlyList<ILearnerSpace>? Learners { get; init; }

    /// <summary>Whether to distil, prune and quantize a student model (when one is worth it, <see cref="Student.StudentChoice"/>).</summary>
    public bool Student { get; init; } = true;

    /// <summary>
    /// Where ONNX Runtime runs the check of model.onnx (its predictions, parity and latency on the test file or a sample
    /// of the data); the student is timed on the CPU, where it is meant to serve, against model.onnx timed there too. A
    /// CUDA device is checked before the search starts, so a missing driver or library ends the job at once.
    /// </summary>
    public OnnxDevice Device { get; init; } = OnnxDevice.Cpu;

    /// <summary>
    /// File name (in the output folder) of the ML.NET model written from model.onnx (see <see cref="MLNet.MLNetModel"/>);
    /// null writes none. A plain file name, not a path.
    /// </summary>
    public string? MLNetModel { get; init; } = JobOutputs.MLNetModel;
}
