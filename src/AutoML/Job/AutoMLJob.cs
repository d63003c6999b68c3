using System.Diagnostics;
using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.Reporting;
using Pipelines.AutoML.Store;
using Pipelines.AutoML.Student;
using Pipelines.Calibration;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.Export.Onnx;
using Pipelines.Export.Serving;
using Pipelines.IO;
using Pipelines.MLNet;
using Pipelines.Persistence;
using Pipelines.Profiling;
using Pipelines.Transforms.Cleaning;
using Leaderboard = Pipelines.AutoML.Store.Leaderboard;
using StudentTable = Pipelines.AutoML.Student.CompressionTable;
using ThresholdCurve = Pipelines.AutoML.Reporting.ThresholdCurve;
using ThresholdPoint = Pipelines.AutoML.Reporting.ThresholdPoint;

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
        if (options.MLNetModel is { } mlnet) JobOutputs.CheckOutputName(mlnet, "--mlnet-model");
        ArgumentNullException.ThrowIfNull(options.Device);
        // Fails now, naming what is missing, rather than after the search.
        OnnxSessions.CreateOptions(options.Device).Dispose();
        var clock = Stopwatch.StartNew();
        void Step(string phase, string detail) => onEvent?.Invoke(new JobStep(phase, detail, clock.Elapsed));

        Step("read", options.DataPath);
        var raw = CsvReader.Read(options.DataPath, new CsvOptions { Label = options.Label });
        var frame = LabelTask.WithClassLabel(raw);
        var task = LabelTask.Detect(frame);
        var target = ExperimentTarget.Of(frame, task);
        if (options.Metric is { } metric) MetricChoice.Check(metric, task);
        var profile = DataProfile.Compute(raw);
        var decision = new DecisionPolicy
        {
            Threshold = options.Threshold,
            Costs = options.CostMatrixPath is { } costs ? CostMatrix.Read(costs, target.Classes) : null,
        };
        if (target.IsClassification) decision.Check(target.Width);
        else if (decision != DecisionPolicy.Auto) throw new Errors.PipelineException("--threshold and --cost-matrix need a classification label; this label is numeric (regression).");

        var outputs = JobOutputs.Prepare(options.OutputDir);
        try
        {
            var result = Execute(frame, target, profile, decision, outputs, clock, Step, onEvent, interrupt);
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
        DataFrame frame, ExperimentTarget target, DataProfile profile, DecisionPolicy decision, JobOutputs outputs, Stopwatch clock,
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
            Decision = decision,
            Learners = options.Learners,
        }).Run(cleaning.Output, onEvent, interrupt);
        fixes.AddRange(experiment.DroppedColumns.Select(c => $"ignored text column '{c}'"));

        var model = new TransformerChain([cleaning.Transformer, experiment.Model]);
        var bestModel = new TransformerChain([cleaning.Transformer, experiment.BestModel]);
        step("save", "pipeline file and ONNX model");
        PipelineFile.Save(outputs.Staged(JobOutputs.Pipeline), model, train.Schema, $"pipelines automl: {Path.GetFileName(options.DataPath)} → {options.Label}");
        var compression = options.Student && target.IsClassification ? Compress(model, experiment, train, test, outputs, step) : null;
        if (compression is null) OnnxModel.Save(OnnxExporter.Export(model, train), outputs.Staged(JobOutputs.Model));
        if (options.MLNetModel is { } mlnet) MLNetModel.ConvertOnnxFile(outputs.Staged(JobOutputs.Model), outputs.Staged(mlnet));

        step("check", $"test rows in process and in ONNX Runtime ({options.Device})");
        var checks = new List<ModelCheck> { ModelCheck.InProcess("best", bestModel, test, target, split.Test) };
        if (experiment.Ensemble is { IsUsed: true }) checks.Add(ModelCheck.InProcess("ensemble", model, test, target, split.Test));
        checks.Add(ModelCheck.Onnx("model.onnx", outputs.Staged(JobOutputs.Model), test, target, split.Test, model, options.Device));
        if (compression is not null)
            checks.Add(ModelCheck.Onnx("student.int8.onnx", outputs.Staged(JobOutputs.Student), test, target, split.Test, reference: null));

        var board = new Leaderboard(experiment.Study, store.Trials(Study));
        board.WriteCsv(outputs.Staged(JobOutputs.Leaderboard));
        var result = new AutoMLJobResult(experiment, checks, fixes, outputs.Folder,
            [JobOutputs.Model, .. compression is null ? Array.Empty<string>() : [JobOutputs.Student], .. options.MLNetModel is null ? Array.Empty<string>() : [options.MLNetModel], JobOutputs.Pipeline, JobOutputs.Leaderboard,
             JobOutputs.Trials, JobOutputs.Metrics, JobOutputs.Report], clock.Elapsed) { Compression = compression };
        step("report", "report.html");
        var report = new ReportBuilder(options, target, split, test).Build(result with { Elapsed = clock.Elapsed }, profile, cleaning.Output, model, board, compression, Threshold(experiment));
        HtmlReport.Write(report, outputs.Staged(JobOutputs.Report));
        MetricsJson.Write(outputs.Staged(JobOutputs.Metrics), options, frame, result with { Elapsed = clock.Elapsed }, split);
        return result;
    }

    /// <summary>
    /// Distils the final model into a small MLP (with the model's decision rule on top), prunes it and quantizes it to
    /// int8; writes model.onnx (the teacher) and student.int8.onnx and measures every stage on the test rows.
    /// </summary>
    private StudentTable Compress(ITransformer model, ExperimentResult experiment, DataFrame train, DataFrame test, JobOutputs outputs, Action<string, string> step)
    {
        step("distil", "a small MLP student from the final model, pruned and quantized to int8");
        var student = new StudentBuilder { Seed = options.Seed, Epochs = StudentEpochs(train.RowCount) }.Build(model, train);
        if (experiment.Decision is not null) student = student with { Decision = FollowTeacher(model, student, train, experiment.Classes) };
        return new CompressionStages { Metric = experiment.Metric }.Measure(model, student, train, test,
            new CompressionOutputs(Teacher: outputs.Staged(JobOutputs.Model), QuantizedStudent: outputs.Staged(JobOutputs.Student)));
    }

    /// <summary>
    /// The student's own decision rule: the threshold (binary) or class weights that make its labels agree most with the
    /// teacher's on the training rows. The teacher's rule works on its calibrated probabilities; the student's differ
    /// (pruning fine-tunes on the teacher's labels), so the rule is tuned for fidelity rather than copied.
    /// </summary>
    private static DecisionStep FollowTeacher(ITransformer teacher, StudentModel student, DataFrame train, IReadOnlyList<string> classes)
    {
        var target = ExperimentTarget.Of(train, LabelTask.Detect(train));
        var teacherLabels = target.ReadLabels(teacher.Transform(train));
        var studentOutput = new TransformerChain([.. student.Preprocessing.Steps, student.Pruned]).Transform(train);
        var probabilities = new float[train.RowCount * classes.Count];
        target.ReadPredictions(studentOutput, probabilities, 0);
        var tuning = DecisionRuleTuner.Tune(teacherLabels, probabilities, classes, DecisionObjective.Maximize(Metric.Accuracy));
        return new DecisionStep(classes, ProbabilityCalibration.None, tuning.Rule);
    }

    /// <summary>
    /// Epochs for the student: the builder's 15 on mid-sized data, more on small data so the network still gets about
    /// 1,500 optimizer steps (rows × 3 with augmentation, batches of 64); a few hundred epochs of a tiny set cost little.
    /// </summary>
    private static int StudentEpochs(int rows)
    {
        var stepsPerEpoch = Math.Max(1.0, rows * 3 / 64.0);
        return (int)Math.Clamp(Math.Ceiling(1500 / stepsPerEpoch), 15, 300);
    }

    /// <summary>The threshold curve of a tuned binary rule, for the report.</summary>
    private static ThresholdCurve? Threshold(ExperimentResult experiment)
    {
        if (experiment.Decision?.Rule?.Curve is not { } curve) return null;
        return new ThresholdCurve(curve.Objective, [.. curve.Points.Select(p => new ThresholdPoint(p.Threshold, p.Value))], curve.Chosen.Threshold, curve.PositiveClass);
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
