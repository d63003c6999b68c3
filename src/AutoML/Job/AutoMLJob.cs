using System.Diagnostics;
using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.Store;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.Export.Onnx;
using Pipelines.IO;
using Pipelines.Persistence;
using Pipelines.Profiling;
using Pipelines.Transforms.Cleaning;

namespace Pipelines.AutoML.Job;

/// <summary>
/// The main job, what `pipelines automl` runs: read and profile the data, hold out a stratified test split, clean
/// (duplicate rows, constant columns; text columns are ignored), search with the AutoML experiment into a trial store
/// in the output folder (so a stopped run resumes), ensemble and refit, export the final model to ONNX and check it
/// in ONNX Runtime on the test rows, distil a small quantized student, and write the leaderboard, metrics and report.
/// Bad input is found before anything is written; outputs appear only when the job completes.
/// </summary>
public sealed class AutoMLJob(AutoMLJobOptions options)
{
    public const string Study = "automl";

    public AutoMLJobResult Run(Action<ExperimentEvent>? onEvent = null, CancellationToken interrupt = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.TestFraction is <= 0 or >= 1) throw new Errors.PipelineException($"The test fraction must be between 0 and 1 (exclusive), not {options.TestFraction}.");
        var clock = Stopwatch.StartNew();
        void Step(string phase, string detail) => onEvent?.Invoke(new JobStep(phase, detail, clock.Elapsed));

        Step("read", options.DataPath);
        var raw = CsvReader.Read(options.DataPath, new CsvOptions { Label = options.Label });
        var frame = LabelTask.WithClassLabel(raw);
        var task = LabelTask.Detect(frame);
        var target = ExperimentTarget.Of(frame, task);
        if (options.Metric is { } metric) MetricChoice.Check(metric, task);
        var profile = DataProfile.Compute(raw);

        var outputs = JobOutputs.Prepare(options.OutputDir);
        try
        {
            var result = Execute(frame, task, target, profile, outputs, clock, Step, onEvent, interrupt);
            outputs.Publish();
            Step("done", outputs.Folder);
            return result with { Elapsed = clock.Elapsed };
        }
        catch
        {
            outputs.Abandon();
            throw;
        }
    }

    private AutoMLJobResult Execute(
        DataFrame frame, PredictionTask task, ExperimentTarget target, DataProfile profile, JobOutputs outputs, Stopwatch clock,
        Action<string, string> step, Action<ExperimentEvent>? onEvent, CancellationToken interrupt)
    {
        var split = Split.TrainTest(frame, options.TestFraction, options.Seed);
        var train = frame.Take(split.Train);
        var test = frame.Take(split.Test);
        step("clean", $"{train.RowCount:N0} training rows, {test.RowCount:N0} test rows held out");
        var cleaning = new EstimatorChain([new DropDuplicateRows(), new DropConstantColumns()]).FitTransform(train);
        var fixes = Fixes(train, cleaning);

        using var store = TrialStores.Open(outputs.TrialsPath);
        var experiment = new Experiment(new ExperimentOptions
        {
            TimeBudget = options.MaxTrials is null ? options.Time : null,
            MaxTrials = options.MaxTrials,
            Metric = options.Metric,
            Seed = options.Seed,
            Parallelism = options.Parallelism,
            Store = store,
            StudyName = Study,
        }).Run(cleaning.Output, onEvent, interrupt);
        fixes.AddRange(experiment.DroppedColumns.Select(c => $"ignored text column '{c}'"));

        var model = new TransformerChain([cleaning.Transformer, experiment.Model]);
        var bestModel = new TransformerChain([cleaning.Transformer, experiment.BestModel]);
        step("save", "pipeline file and ONNX model");
        PipelineFile.Save(outputs.Staged(JobOutputs.Pipeline), model, train.Schema, $"pipelines automl: {Path.GetFileName(options.DataPath)} → {options.Label}");
        OnnxModel.Save(OnnxExporter.Export(model, train), outputs.Staged(JobOutputs.Model));

        step("check", "test rows in process and in ONNX Runtime");
        var checks = new List<ModelCheck> { ModelCheck.InProcess("best", bestModel, test, target, split.Test) };
        if (experiment.Ensemble is { IsUsed: true }) checks.Add(ModelCheck.InProcess("ensemble", model, test, target, split.Test));
        checks.Add(ModelCheck.Onnx("model.onnx", outputs.Staged(JobOutputs.Model), test, target, split.Test, model));

        new Leaderboard(experiment.Study, store.Trials(Study)).WriteCsv(outputs.Staged(JobOutputs.Leaderboard));
        var result = new AutoMLJobResult(experiment, checks, fixes, outputs.Folder,
            [JobOutputs.Model, JobOutputs.Pipeline, JobOutputs.Leaderboard, JobOutputs.Trials, JobOutputs.Metrics], clock.Elapsed);
        MetricsJson.Write(outputs.Staged(JobOutputs.Metrics), options, frame, result, split);
        return result;
    }

    /// <summary>What the cleaning did, in words for the report.</summary>
    private static List<string> Fixes(DataFrame train, FittedStep cleaning)
    {
        var fixes = new List<string>();
        var removed = train.RowCount - cleaning.Output.RowCount;
        if (removed > 0) fixes.Add($"dropped {removed:N0} duplicate training row(s)");
        var dropper = ((TransformerChain)cleaning.Transformer).Steps.OfType<ColumnDropper>().SingleOrDefault();
        if (dropper is { Columns.Count: > 0 }) fixes.Add($"dropped constant column(s) {string.Join(", ", dropper.Columns)}");
        return fixes;
    }
}
