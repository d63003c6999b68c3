using System.Diagnostics;
using System.Globalization;
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

namespace Pipelines.AutoML.Job;

/// <summary>
/// The main job, what `pipelines automl` runs: read and profile the data (and the user's test file), hold out a
/// stratified test part when the data is large enough (<see cref="HoldoutRule"/>), clean (constant columns; duplicate
/// rows are kept as repeated observations, text columns ignored), search with the AutoML experiment into a trial store
/// in the output folder (so a stopped run resumes), score the final model on the held-out rows and refit the same
/// recipe on every row (shipping the held-out one's model when that refit does not fit the rows, <see cref="FitCheck"/>),
/// export it to ONNX (and to an ML.NET model, <see cref="AutoMLJobOptions.MLNetModel"/>) and check it in ONNX Runtime on
/// <see cref="AutoMLJobOptions.Device"/>, distil a small quantized student when one would be much smaller or faster
/// (<see cref="StudentChoice"/>), and write the leaderboard, metrics and report, each figure saying which rows it comes
/// from. The whole job fits in <see cref="AutoMLJobOptions.Time"/> (<see cref="JobBudget"/>). Bad input is found before
/// anything is written; outputs appear only when the job completes, and a failed run leaves an earlier run's outputs
/// as they were.
/// </summary>
public sealed class AutoMLJob(AutoMLJobOptions options)
{
    /// <summary>The study's name in the output folder's trial store.</summary>
    public const string Study = "automl";

    /// <summary>Rows of the data model.onnx's parity and latency (and the student's table) are measured on without a test file.</summary>
    private const int CheckRows = 2000;

    /// <summary>Rows permutation importance is computed on at most (fewer when its time limit asks).</summary>
    private const int ImportanceRows = 2000;

    /// <summary>
    /// Permutation importance's time limit without a budget (a trial count alone): its rows are then sampled by time, so
    /// the report's importance may differ between two runs whose models are the same.
    /// </summary>
    private static readonly TimeSpan UnbudgetedImportance = TimeSpan.FromSeconds(10);

    /// <summary>Permutation repeats per feature: enough for a stable ranking at a few seconds' cost.</summary>
    private const int ImportanceRepeats = 3;

    /// <summary>Seconds below which no student is started: measuring one alone takes about that.</summary>
    private const double MinStudentSeconds = 1.5;

    /// <summary>How ONNX models are timed: the student's defaults, so model.onnx and the student compare.</summary>
    private static readonly LatencyOptions Latency = new();

    /// <summary>Runs the job; <paramref name="interrupt"/> ends the search early (the outputs are still written).</summary>
    public AutoMLJobResult Run(Action<ExperimentEvent>? onEvent = null, CancellationToken interrupt = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.TestFraction is <= 0 or >= 1) throw new Errors.PipelineException($"The test fraction must be between 0 and 1 (exclusive), not {options.TestFraction}.");
        if (options.MinHoldoutRows < 0) throw new Errors.PipelineException($"The least held-out rows must be 0 or more, not {options.MinHoldoutRows}.");
        if (options.MLNetModel is { } mlnet) JobOutputs.CheckOutputName(mlnet, "--mlnet-model");
        ArgumentNullException.ThrowIfNull(options.Device);
        // Fails now, naming what is missing, rather than after the search.
        OnnxSessions.CreateOptions(options.Device).Dispose();
        var clock = Stopwatch.StartNew();
        void Step(string phase, string detail) => onEvent?.Invoke(new JobStep(phase, detail, clock.Elapsed));

        Step("read", options.DataPath);
        var readNotes = new List<string>();
        var conventions = new ColumnConventions();
        var raw = CsvReader.Read(options.DataPath, new CsvOptions { Label = options.Label, Sheet = options.Sheet }, readNotes, conventions);
        foreach (var note in readNotes) Step("read", note);
        if (options.Ignore is { Count: > 0 } ignore)
        {
            raw = IgnoredColumns.Drop(raw, ignore, options.DataPath);
            readNotes.Add($"left out by --ignore: {string.Join(", ", ignore.Select(c => $"'{c}'"))}");
            Step("read", readNotes[^1]);
        }
        var (frame, task) = LabelTask.Read(raw, options.Task);
        DataFileChecks.Check(options.DataPath, options.Sheet, frame);
        var target = ExperimentTarget.Of(frame, task);
        if (options.Metric is { } metric) MetricChoice.Check(metric, task);
        var profile = DataProfile.Compute(raw);
        if (profile.Label?.DescribeSpellingVariants() is { } variants) Step("note", variants);
        foreach (var decisive in profile.DescribeDecisiveFeatures()) Step("note", decisive);
        var decision = new DecisionPolicy
        {
            Threshold = options.Threshold,
            Costs = options.CostMatrixPath is { } costs ? CostMatrix.Read(costs, target.Classes) : null,
        };
        if (target.IsClassification) decision.Check(target.Width);
        else if (decision != DecisionPolicy.Auto) throw new Errors.PipelineException("--threshold and --cost-matrix need a classification label; this label is numeric (regression).");
        TestFile? test = null;
        if (options.TestPath is { } testPath)
        {
            Step("read", testPath);
            var testNotes = new List<string>();
            test = TestFile.Read(testPath, raw, options.DataName, target, conventions, testNotes, options.TestSheet);
            foreach (var note in testNotes) Step("read", note);
        }

        var outputs = JobOutputs.Prepare(options.OutputDir);
        try
        {
            // From here the rows are held by `rows` alone, which lets the whole frame go while the search runs on a part.
            var rows = new JobRows(frame);
            raw = frame = null!;
            var result = Execute(rows, new JobData(target, profile, decision, test, readNotes, conventions), outputs, clock, Step, onEvent, interrupt);
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

    /// <summary>
    /// Runs the search in the output folder's trial store, which resumes a study of the same data and settings; a
    /// study of other data or settings there is refused with the ways out that exist (another folder, or removing the
    /// store), and the folder's earlier outputs stay as they were.
    /// </summary>
    private static ExperimentResult Search(ITrialStore store, JobOutputs outputs, ExperimentOptions experiment, DataFrame data,
        Action<ExperimentEvent>? onEvent, CancellationToken interrupt)
    {
        try
        {
            return new Experiment(experiment).Run(data, onEvent, interrupt);
        }
        catch (TrialStoreException e) when (e.IsSettingsMismatch)
        {
            throw new Errors.PipelineException(
                $"{outputs.Folder} holds the trials of a run with other data or settings, which this run cannot resume. " +
                $"Write to another folder (--out {outputs.Folder}-2), or delete {outputs.TrialsPath} to start over there (its other outputs are replaced when the new run completes).", e);
        }
    }

    /// <summary>What the job read and checked before writing anything; <paramref name="ReadNotes"/>: what reading the file did beyond plain reading.</summary>
    // Conventions: how the data wrote its columns (date orders, units), which the saved models keep.
    private sealed record JobData(
        ExperimentTarget Target, DataProfile Profile, DecisionPolicy Decision, TestFile? Test, IReadOnlyList<string> ReadNotes,
        ColumnConventions Conventions);

    /// <summary>
    /// What the job keeps of the search: the experiment and what later steps need of the search's rows (their count, the
    /// fitted cleaning and the constant columns it dropped, the report's class balance, the out-of-fold rows when
    /// neither held-out rows nor a test file will score the model), without the rows themselves: they are a copy of
    /// most of the data, which must not stay alive through the refit on every row.
    /// </summary>
    private sealed record SearchOutcome(
        ExperimentResult Experiment, HoldoutRule Holdout, int SearchRows, ITransformer Cleaner, IReadOnlyList<string> ConstantColumns,
        ClassBalance? Balance, ScoredRows? OutOfFoldRows, List<ModelFigure> Figures, List<string> Fixes, JobBudget? Budget);

    /// <summary>Holds rows out for a test figure where the data has enough, cleans the rest and searches on them.</summary>
    private SearchOutcome SearchWithHoldout(
        JobRows rows, JobData data, JobOutputs outputs, ITrialStore store, PhaseLog phases, Stopwatch clock, Action<string, string> step,
        Action<ExperimentEvent>? onEvent, CancellationToken interrupt)
    {
        var (holdout, train) = HoldOut(rows, data.Test is not null);
        step("clean", holdout.Split is { } s
            ? Invariant($"{train.RowCount:N0} rows for the search, {s.Test.Length:N0} held out for a test figure")
            : Invariant($"{rows.RowCount:N0} rows for the search; {holdout.Reason}"));
        // Duplicate rows stay: in data of few or coarse columns (titanic's sex, age and class) most rows repeat, and
        // each repeat is an observation the model's probabilities should count, as every peer counts it.
        var cleaning = new EstimatorChain([new DropConstantColumns()]).FitTransform(train);
        var fixes = Fixes(data.Profile.DuplicateRowCount, cleaning);
        fixes.InsertRange(0, data.ReadNotes);
        var budget = options.IsReproducible ? null : JobBudget.Plan(options.Time, clock.Elapsed, rows.RowCount, train.RowCount, WantsStudent(data.Target));
        if (budget is not null)
            step("budget", Invariant($"{budget.Search.TotalSeconds:0.#}s for the search and refits, {budget.AfterSearch.TotalSeconds:0.#}s kept for export, checks, student and report"));
        phases.Mark("read and clean");

        var experiment = Search(store, outputs, new ExperimentOptions
        {
            TimeBudget = budget?.Search,
            MaxTrials = options.MaxTrials,
            // With a trial count the job has no budget, but no one trial may run past --time (a slow learner on wide
            // data would otherwise hold the run for minutes); it fails and the search goes on.
            TrialTimeLimit = budget is null ? options.Time : null,
            Metric = options.Metric,
            Task = options.Task,
            Seed = options.Seed,
            Parallelism = options.Parallelism,
            Store = store,
            StudyName = Study,
            Decision = data.Decision,
            RefitAfterRun = budget?.RefitAfterRun ?? 0,
            Learners = options.Learners,
        }, cleaning.Output, onEvent, interrupt);
        fixes.AddRange(experiment.DroppedColumns.Select(c => $"ignored text column '{c}'"));
        phases.Mark("search");

        var clean = cleaning.Output;
        var figures = OutOfFold(experiment, clean.RowCount).ToList();
        return new SearchOutcome(experiment, holdout, train.RowCount, cleaning.Transformer, ConstantColumns(cleaning),
            data.Target.IsClassification ? ReportBuilder.Balance(options, clean, experiment) : null,
            holdout.Split is null && data.Test is null ? ScoredRows.OutOfFold(figures[0].Description, experiment, clean) : null,
            figures, fixes, budget);
    }

    /// <summary>
    /// The holdout for the data and the search's rows. A method of its own so that every row is a temporary of this
    /// short call only: unoptimized (tier-0) code keeps a caller's temporaries alive to its end, which for the search's
    /// caller would hold every row beside the search's part through the whole search.
    /// </summary>
    private (HoldoutRule Holdout, DataFrame Search) HoldOut(JobRows rows, bool testFile)
    {
        var holdout = HoldoutRule.Choose(rows.All, options.TestFraction, options.MinHoldoutRows, options.Seed, testFile);
        return (holdout, holdout.Split is { } split ? rows.Split(split) : rows.All);
    }

    private AutoMLJobResult Execute(
        JobRows rows, JobData data, JobOutputs outputs, Stopwatch clock, Action<string, string> step, Action<ExperimentEvent>? onEvent, CancellationToken interrupt)
    {
        var phases = new PhaseLog(clock);
        var cpu = CpuShare.Start(options.IsReproducible);
        using var store = TrialStores.Open(outputs.TrialsPath);
        var (experiment, holdout, searchRows, cleaner, constantColumns, balance, outOfFoldRows, figures, fixes, budget) =
            SearchWithHoldout(rows, data, outputs, store, phases, clock, step, onEvent, interrupt);
        HeapRelease.Collect();
        var frame = rows.All;
        var searched = new TransformerChain([cleaner, experiment.Model]);
        // The report's confusion matrix, curves and importance use the most honest rows there are: the test file, else the
        // held-out rows, else the out-of-fold predictions (importance then on rows the model was fitted on, said so).
        (ScoredRows Scored, ImportanceRows Importance)? evaluation = null;
        var shipped = searched as ITransformer;
        var shippedRows = frame.RowCount;
        string? refitNote = null;
        foreach (var aside in experiment.SetAside) step("refit", aside);
        if (holdout.Split is { } heldOutSplit)
        {
            evaluation = HeldOut(frame, heldOutSplit, data.Target, experiment, cleaner, searched, figures, step);
            phases.Mark("held-out score");
            HeapRelease.Collect();
            step("refit", Invariant($"the final model on all {frame.RowCount:N0} rows"));
            shipped = OnEveryRow(frame, experiment, constantColumns, cpu?.FreeCores());
            phases.Mark("refit on all rows");
            // The refit on every row must fit them at least about as well as the model that saw the search's part of them
            // did; else it ships that model (a fit can diverge on more rows where it converged on fewer).
            var check = FitCheck.Against(shipped, searched, frame, data.Target);
            if (check.Failed)
            {
                refitNote = Invariant($"the refit on all {frame.RowCount:N0} rows did not fit them ({check.Describe("by the model fitted on the search's rows")}), so model.onnx is the final model fitted on the search's {heldOutSplit.Train.Length:N0} rows");
                step("refit", refitNote);
                (shipped, shippedRows) = (searched, heldOutSplit.Train.Length);
            }
            // The refit's transformed columns are garbage now; collected, they are not resident beside what export,
            // the ONNX Runtime checks and the student allocate.
            HeapRelease.Collect();
        }

        var files = options.MLNetModel is { } zip ? $"the pipeline file, model.onnx and {zip}" : "the pipeline file and model.onnx";
        var fittedOn = AutoMLJobResult.FittedOn(shippedRows, frame.RowCount);
        step("save", $"{files}, fitted on {fittedOn}");
        var onnx = OnnxExporter.Export(shipped, frame, new OnnxExportOptions(Conventions: data.Conventions));
        // The pipeline file keeps the categories model.onnx keeps: those of the columns the model reads.
        var inputs = data.Conventions.ModelInputs(frame).WithCategoriesOnly(OnnxExporter.InputsRead(onnx));
        PipelineFile.Save(outputs.Staged(JobOutputs.Pipeline), shipped, inputs, $"pipelines automl: {options.DataName} → {options.Label}");
        OnnxModel.Save(onnx, outputs.Staged(JobOutputs.Model));
        if (options.MLNetModel is { } mlnet) MLNetModel.ConvertOnnxFile(outputs.Staged(JobOutputs.Model), outputs.Staged(mlnet));
        var exportSeconds = phases.Mark("save and export");

        // Rows of the data the ONNX check runs on (without a test file) and the student's rule is tuned on.
        var dataSample = Sample(frame, CheckRows, "the data");
        var (checkRows, checkDescription) = data.Test is { } test
            ? (test.Frame, Invariant($"the test file {Path.GetFileName(test.Path)} ({test.Frame.RowCount:N0} rows)"))
            : (dataSample.Rows, dataSample.Description);
        step("check", $"model.onnx in ONNX Runtime ({options.Device}) on {checkDescription}");
        var (modelCheck, predicted) = ModelCheck.Onnx(
            JobOutputs.Model, outputs.Staged(JobOutputs.Model), checkRows, checkDescription, data.Target, shipped, Latency, options.Device);
        if (data.Test is { } testFile)
        {
            // Test rows of categories the model never saw, in the columns it reads (a column it dropped changes nothing).
            foreach (var note in ModelInputCsv.UnseenCategories(testFile.Frame, [.. inputs.Features])) step("check", note);
            var testRows = Enumerable.Range(0, testFile.Frame.RowCount).ToArray();
            var description = Invariant($"the test file {Path.GetFileName(testFile.Path)}: {testRows.Length:N0} rows, scored by the model fitted on {fittedOn} of the data");
            figures.Add(new ModelFigure(JobOutputs.Model, FigureRows.TestFile, testRows.Length, shippedRows, description, testFile.Target.Scores(predicted, testRows)));
            evaluation = (ScoredRows.Of(description, testFile.Target, testRows, predicted), new ImportanceRows(description, shipped, testFile.Frame, testFile.Target, testRows));
        }
        var (scored, importanceRows) = evaluation ?? (outOfFoldRows!, FittedRowsForImportance(shipped, frame, data.Target));
        var checkSeconds = phases.Mark("ONNX check");

        var student = Student(shipped, shippedRows, experiment.Metric, frame, dataSample.Rows, data, checkRows, checkDescription, modelCheck, outputs, budget, clock, exportSeconds + checkSeconds, step);
        if (student.Figure is { } studentFigure) figures.Add(studentFigure);
        phases.Mark("student");

        var board = new Leaderboard(experiment.Study, store.Trials(Study));
        board.WriteCsv(outputs.Staged(JobOutputs.Leaderboard));
        phases.Mark("leaderboard");
        var published = new List<string> { JobOutputs.Model };
        if (student.Compression is not null) published.Add(JobOutputs.Student);
        if (options.MLNetModel is { } mlnetName) published.Add(mlnetName);
        published.AddRange([JobOutputs.Pipeline, JobOutputs.Leaderboard, JobOutputs.Trials, JobOutputs.Metrics, JobOutputs.Report]);
        var result = new AutoMLJobResult(experiment, figures, [modelCheck, .. student.Check is { } c ? [c] : Array.Empty<ModelCheck>()], fixes, outputs.Folder, published, clock.Elapsed)
        {
            Rows = frame.RowCount,
            ShippedRows = shippedRows,
            RefitNote = refitNote,
            SearchRows = searchRows,
            Holdout = holdout,
            TestPath = data.Test?.Path,
            Compression = student.Compression,
            StudentChoice = student.Choice,
            StudentNote = student.Note,
            Budget = budget,
        };
        step("report", "report.html");
        var importanceLimit = budget?.ImportanceLimit(clock.Elapsed) ?? UnbudgetedImportance;
        var report = new ReportBuilder(options, scored, importanceRows, ImportanceRepeats, ImportanceRows).Build(
            result with { Elapsed = clock.Elapsed }, data.Profile, balance, board, checkDescription, Threshold(experiment), importanceLimit);
        phases.Mark("report data");
        HtmlReport.Write(report, outputs.Staged(JobOutputs.Report));
        phases.Mark("report");
        result = result with { Elapsed = clock.Elapsed, Phases = phases.Seconds, PhasePeaks = phases.PeakResidentBytesByPhase };
        MetricsJson.Write(outputs.Staged(JobOutputs.Metrics), options, result);
        return result;
    }

    /// <summary>
    /// Scores the final model found without the held-out rows on them (and the best single trial, when an ensemble is
    /// used), adding the figures; returns those rows for the report.
    /// </summary>
    private (ScoredRows, ImportanceRows) HeldOut(
        DataFrame frame, Fold split, ExperimentTarget target, ExperimentResult experiment, ITransformer cleaner, TransformerChain searched,
        List<ModelFigure> figures, Action<string, string> step)
    {
        var heldOut = frame.Take(split.Test);
        step("holdout", Invariant($"the final model on the {heldOut.RowCount:N0} held-out rows"));
        var description = Invariant($"held out: {heldOut.RowCount:N0} rows, scored by the final model fitted on the other {split.Train.Length:N0}");
        var output = searched.Transform(heldOut);
        figures.Add(new ModelFigure("final model", FigureRows.HeldOut, heldOut.RowCount, split.Train.Length, description, target.Scores(output, split.Test)));
        if (experiment.Ensemble is { IsUsed: true })
        {
            var best = new TransformerChain([cleaner, experiment.BestModel]).Transform(heldOut);
            figures.Add(new ModelFigure("best single trial", FigureRows.HeldOut, heldOut.RowCount, split.Train.Length, description, target.Scores(best, split.Test)));
        }
        // Importance shuffles a sample: only that is kept, not every held-out row through the refit on every row.
        return (ScoredRows.Of(description, target, split.Test, output),
            new ImportanceRows(description, searched, heldOut, target, split.Test).AtMost(ImportanceRows, options.Seed));
    }

    /// <summary>
    /// The final model refit on every row: the same recipe (<see cref="FinalModelRecipe.Refit"/>) after the same
    /// cleaning (the constant columns the search's rows had dropped left out), on at most <paramref name="threads"/>
    /// threads (null: every core).
    /// </summary>
    private static TransformerChain OnEveryRow(DataFrame frame, ExperimentResult experiment, IReadOnlyList<string> constantColumns, int? threads)
    {
        using var context = TrainingContext.Enter(CancellationToken.None, threads);
        var all = new EstimatorChain([new DropColumns(constantColumns)]).FitTransform(frame);
        return new TransformerChain([all.Transformer, experiment.Recipe.Refit(all.Output, CancellationToken.None)]);
    }

    /// <summary>What the student step produced: the compression table and the student's ONNX check and test figure, or why there is none.</summary>
    private sealed record StudentOutcome(CompressionTable? Compression, ModelCheck? Check, ModelFigure? Figure, StudentChoice? Choice, string? Note);

    /// <summary>
    /// Decides whether a student is worth it (<see cref="StudentChoice"/>) and, if so, distils the shipped model into a
    /// small MLP (with the model's decision rule on top) within the time left, prunes it, quantizes it to int8, writes
    /// student.int8.onnx and measures every stage on <paramref name="checkRows"/>. The student's rule follows the
    /// teacher's labels on <paramref name="frameSample"/>, a sample of <paramref name="frame"/>.
    /// </summary>
    private StudentOutcome Student(
        ITransformer shipped, int shippedRows, Metric metric, DataFrame frame, DataFrame frameSample, JobData data, DataFrame checkRows, string checkDescription, ModelCheck teacher, JobOutputs outputs,
        JobBudget? budget, Stopwatch clock, double teacherSeconds, Action<string, string> step)
    {
        if (!options.Student) return new StudentOutcome(null, null, null, null, "no student: not asked for");
        if (!data.Target.IsClassification) return new StudentOutcome(null, null, null, null, "no student: students are distilled for classification labels only");
        if (budget?.StudentLimit(clock.Elapsed) is { } left && left.TotalSeconds < MinStudentSeconds)
            return new StudentOutcome(null, null, null, null, Invariant($"no student: {Math.Max(0, left.TotalSeconds):0.0}s of the budget were left for one"));
        step("student", "measuring a student's size and latency against model.onnx");
        var builder = new StudentBuilder { Seed = options.Seed, Epochs = StudentEpochs(frame.RowCount) };
        var choice = StudentChoice.Measure(builder, shipped, frame, checkRows, Latency, teacher.SizeBytes, CpuMsPerRow(teacher, outputs, checkRows));
        if (!choice.Distil) return new StudentOutcome(null, null, null, choice, choice.Reason);

        // Measuring the stages re-exports and re-times the teacher: about what its first export and check took.
        var limit = budget?.StudentLimit(clock.Elapsed) - TimeSpan.FromSeconds(teacherSeconds + 1);
        if (limit is { } l && l.TotalSeconds < MinStudentSeconds / 2)
            return new StudentOutcome(null, null, null, choice, Invariant($"no student: it would pay off ({choice.Ratios}), but {Math.Max(0, l.TotalSeconds):0.0}s of the budget were left to distil it"));
        step("distil", $"a small MLP student from the model fitted on {AutoMLJobResult.FittedOn(shippedRows, frame.RowCount)}, pruned and quantized to int8");
        var student = (builder with { TimeLimit = limit }).Build(shipped, frame);
        student = student with { Decision = FollowTeacher(shipped, student, frameSample, data.Target) };
        var table = new CompressionStages { Metric = metric, Latency = Latency, Conventions = data.Conventions }.Measure(shipped, student, frame, checkRows,
            new CompressionOutputs(QuantizedStudent: outputs.Staged(JobOutputs.Student)));
        var final = table.Final;
        var check = new ModelCheck(JobOutputs.Student, final.Bytes ?? 0, final.BatchMsPerRow ?? double.NaN, final.SingleRowMs ?? double.NaN,
            final.MaxProbabilityDelta, final.LabelAgreement, checkRows.RowCount, checkDescription, OnnxDevice.Cpu);
        ModelFigure? figure = null;
        if (data.Test is { } test)
        {
            using var ort = new OrtModel(File.ReadAllBytes(outputs.Staged(JobOutputs.Student)), JobOutputs.Student, Latency.IntraOpThreads);
            var rows = Enumerable.Range(0, test.Frame.RowCount).ToArray();
            figure = new ModelFigure(JobOutputs.Student, FigureRows.TestFile, rows.Length, shippedRows,
                Invariant($"the test file {Path.GetFileName(test.Path)}: {rows.Length:N0} rows, scored by the student distilled from the model fitted on {AutoMLJobResult.FittedOn(shippedRows, frame.RowCount)}"),
                test.Target.Scores(ort.Predict(test.Frame), rows));
        }
        return new StudentOutcome(table, check, figure, choice, choice.Reason);
    }

    /// <summary>
    /// model.onnx's milliseconds per row in batches on the CPU, where the student is timed and meant to serve: the check's
    /// figure, or (when the check ran on a GPU) model.onnx timed again on the CPU, so the student is weighed against the
    /// teacher on the same device.
    /// </summary>
    private static double CpuMsPerRow(ModelCheck teacher, JobOutputs outputs, DataFrame checkRows)
    {
        if (!teacher.Device.IsCuda) return teacher.BatchMsPerRow;
        using var cpu = new OrtModel(File.ReadAllBytes(outputs.Staged(JobOutputs.Model)), JobOutputs.Model, Latency.IntraOpThreads);
        return cpu.Latency(checkRows, Latency).BatchMsPerRow;
    }

    /// <summary>
    /// The student's own decision rule: the threshold (binary) or class weights that make its labels agree most with the
    /// teacher's on <paramref name="rows"/>. The teacher's rule works on its calibrated probabilities; the student's differ
    /// (pruning fine-tunes on the teacher's labels), so the rule is tuned for fidelity rather than copied.
    /// </summary>
    private static DecisionStep FollowTeacher(ITransformer teacher, StudentModel student, DataFrame rows, ExperimentTarget target)
    {
        var teacherLabels = target.ReadLabels(teacher.Transform(rows));
        var studentOutput = new TransformerChain([.. student.Preprocessing.Steps, student.Pruned]).Transform(rows);
        var probabilities = new float[rows.RowCount * target.Width];
        target.ReadPredictions(studentOutput, probabilities, 0);
        var tuning = DecisionRuleTuner.Tune(teacherLabels, probabilities, target.Classes, DecisionObjective.Maximize(Metric.Accuracy));
        return new DecisionStep(target.Classes, ProbabilityCalibration.None, tuning.Rule);
    }

    /// <summary>Whether the job would distil a student for this label (the option set, classification).</summary>
    private bool WantsStudent(ExperimentTarget target) => options.Student && target.IsClassification;

    /// <summary>
    /// Epochs for the student: the builder's 15 on mid-sized data, more on small data so the network still gets about
    /// 1,500 optimizer steps (rows × 3 with augmentation, batches of 64); a few hundred epochs of a tiny set cost little.
    /// </summary>
    private static int StudentEpochs(int rows)
    {
        var stepsPerEpoch = Math.Max(1.0, rows * 3 / 64.0);
        return (int)Math.Clamp(Math.Ceiling(1500 / stepsPerEpoch), 15, 300);
    }

    /// <summary>The search's out-of-fold figures: the final model's, and the best single trial's when an ensemble is used.</summary>
    private static IEnumerable<ModelFigure> OutOfFold(ExperimentResult experiment, int searchRows)
    {
        var validated = experiment.ValidationRows.Count;
        var description = validated < searchRows
            ? Invariant($"validation holdout of the search: {validated:N0} of its {searchRows:N0} rows, each scored by models fitted on the others")
            : Invariant($"out of fold: the search's {searchRows:N0} rows, each scored by models fitted without it");
        var metric = experiment.Metric.ToString();
        yield return new ModelFigure("final model", FigureRows.OutOfFold, validated, searchRows, description, new Dictionary<string, double> { [metric] = experiment.Score });
        if (experiment.Ensemble is { IsUsed: true })
            yield return new ModelFigure("best single trial", FigureRows.OutOfFold, validated, searchRows, description, new Dictionary<string, double> { [metric] = experiment.BestModelScore });
    }

    /// <summary>
    /// Importance without held-out rows: on a sample of the rows the shipped model was fitted on. It then shows what the
    /// model relies on, which is what importance is read for, though a model that memorized a column looks keener on it.
    /// </summary>
    private ImportanceRows FittedRowsForImportance(ITransformer model, DataFrame frame, ExperimentTarget target)
    {
        var (rows, indices, description) = Sample(frame, ImportanceRows, "the data");
        return new ImportanceRows(description + ", which the model was fitted on", model, rows, target, indices);
    }

    /// <summary>At most <paramref name="count"/> rows of <paramref name="frame"/> (stratified, seeded), their indices in it, and a description.</summary>
    private (DataFrame Rows, int[] Indices, string Description) Sample(DataFrame frame, int count, string what)
    {
        var indices = Split.AtMost(frame, count, options.Seed);
        return frame.RowCount <= count
            ? (frame, indices, Invariant($"{what} ({frame.RowCount:N0} rows)"))
            : (frame.Take(indices), indices, Invariant($"{count:N0} rows sampled from {what}"));
    }

    /// <summary>The constant columns the cleaning dropped from the search's rows (dropped from every row too, so the model reads the same columns).</summary>
    private static IReadOnlyList<string> ConstantColumns(FittedStep cleaning) =>
        ((TransformerChain)cleaning.Transformer).Steps.OfType<ColumnDropper>().SingleOrDefault()?.Columns ?? [];

    /// <summary>The threshold curve of a tuned binary rule, for the report.</summary>
    private static ThresholdCurveData? Threshold(ExperimentResult experiment)
    {
        if (experiment.Decision?.Rule?.Curve is not { } curve) return null;
        return new ThresholdCurveData(curve.Objective, [.. curve.Points.Select(p => new ThresholdDataPoint(p.Threshold, p.Value))], curve.Chosen.Threshold, curve.PositiveClass);
    }

    /// <summary>What the cleaning did, in words for the report.</summary>
    private static List<string> Fixes(int duplicateRows, FittedStep cleaning)
    {
        var fixes = new List<string>();
        if (duplicateRows > 0)
            fixes.Add(Invariant($"kept {duplicateRows:N0} duplicate row(s) of the data as repeated observations (drop them before the job if they are copies of one record)"));
        if (ConstantColumns(cleaning) is { Count: > 0 } constant) fixes.Add($"dropped constant column(s) {string.Join(", ", constant)}");
        return fixes;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
