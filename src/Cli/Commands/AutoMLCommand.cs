using System.CommandLine;
using System.Globalization;
using Pipelines.AutoML.Job;
using Pipelines.AutoML.SearchSpace;
using Pipelines.Cli.Output;
using Pipelines.Errors;
using Pipelines.Evaluation;
using Spectre.Console;

namespace Pipelines.Cli.Commands;

/// <summary>
/// `pipelines automl FILE --label L [--time 60] [--metric M] [--task auto|classification|regression] [--out DIR]
/// [--test FILE] [--device cpu|cuda[:N]] [--mlnet-model NAME|none] [--learners NAME,...] [--ignore COLUMN,...]`: the whole job (profile,
/// clean, search, ensemble, refit on every row, export, distil, report) into DIR within --time seconds. Ctrl-C ends the
/// search early and still writes the outputs from the best so far; a second Ctrl-C stops at once (the trial store keeps
/// what finished, and a rerun resumes).
/// </summary>
internal static class AutoMLCommand
{
    public static Command Create(Terminal terminal)
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV or TSV file (optionally .gz) with a header row, or an Excel workbook (.xlsx, .xls: its first sheet, or --sheet)." };
        var label = new Option<string>("--label", "-l") { Description = "The column to predict.", Required = true };
        var time = new Option<double>("--time", "-t") { Description = "Seconds for the whole job: search, refit, export, student and report.", DefaultValueFactory = _ => 60 };
        var metric = new Option<string?>("--metric", "-m") { Description = "Metric to optimize (default: accuracy, macro-F1 on imbalanced labels, R2 for regression)." };
        metric.AcceptOnlyFromAmong([.. Enum.GetNames<Metric>().Select(Kebab)]);
        var task = TaskOption.Create();
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Folder for the outputs.", DefaultValueFactory = _ => new DirectoryInfo("automl-out") };
        var trials = new Option<int?>("--trials") { Description = "Stop after this many trials: the job then has no time budget and is reproducible, but each trial is limited to --time seconds." };
        var seed = new Option<int>("--seed") { Description = "Seeds the split, folds and search.", DefaultValueFactory = _ => 0 };
        var threshold = new Option<string>("--threshold")
        {
            Description = "auto: calibrate and tune the decision rule for the metric; a number in (0, 1): a fixed threshold on the positive class (binary labels; 0.5 is the plain model).",
            DefaultValueFactory = _ => "auto",
        };
        var costs = new Option<FileInfo?>("--cost-matrix") { Description = "CSV of misclassification costs (first column the actual class, header the predicted classes); the rule minimizes the expected cost." };
        var test = new Option<FileInfo?>("--test") { Description = "CSV file or workbook of test rows (the data's columns and label): the shipped model is measured on it, and no part of the data is held out." };
        var device = DeviceOption.Create("Where ONNX Runtime checks model.onnx (parity and latency; the student is timed on the CPU): cpu, cuda or cuda:N (needs the CUDA build, see docs/onnxruntime.md).");
        var mlnet = new Option<string>("--mlnet-model")
        {
            Description = "File name of the ML.NET model (an OnnxTransformer over model.onnx, for mlContext.Model.Load) in the output folder; 'none' writes none.",
            DefaultValueFactory = _ => JobOutputs.MLNetModel,
        };
        var learners = new Option<string?>("--learners")
        {
            Description = "Learners to search, comma-separated: " + string.Join(", ", LearnerSelection.Known.Select(l => l.Name)) +
                $"; '{LearnerSelection.MLNetGroup}' for all of ML.NET's trainers, '{LearnerSelection.DefaultGroup}' for the default set (the default).",
        };
        var ignore = IgnoreOption.Create();
        var sheet = SheetOption.Create();
        var testSheet = SheetOption.Create("--test-sheet", "the --test file");
        var command = new Command("automl", "Search pipelines and learners within a time budget; export the best model and a small int8 student to ONNX with a report.")
        {
            file, label, time, metric, task, output, trials, seed, threshold, costs, test, device, mlnet, learners, ignore, sheet, testSheet,
        };
        command.SetAction(parse =>
        {
            var seconds = parse.GetValue(time);
            if (!(seconds > 0)) throw new PipelineException($"--time must be a positive number of seconds, not {seconds.ToString(CultureInfo.InvariantCulture)}.");
            if (parse.GetValue(trials) is < 1 and var count) throw new PipelineException($"--trials must be 1 or more, not {count}; leave it out to search until --time runs out.");
            var options = new AutoMLJobOptions
            {
                DataPath = parse.GetRequiredValue(file).FullName,
                Sheet = parse.GetValue(sheet),
                Label = parse.GetRequiredValue(label),
                OutputDir = parse.GetRequiredValue(output).FullName,
                Time = TimeSpan.FromSeconds(seconds),
                Metric = parse.GetValue(metric) is { } m ? Enum.Parse<Metric>(m.Replace("-", "", StringComparison.Ordinal), ignoreCase: true) : null,
                Task = TaskOption.Value(parse, task),
                MaxTrials = parse.GetValue(trials),
                Seed = parse.GetValue(seed),
                Threshold = Threshold(parse.GetRequiredValue(threshold)),
                CostMatrixPath = parse.GetValue(costs)?.FullName,
                TestPath = parse.GetValue(test)?.FullName,
                TestSheet = parse.GetValue(testSheet),
                Device = DeviceOption.Value(parse, device),
                MLNetModel = parse.GetRequiredValue(mlnet) is var name && string.Equals(name, "none", StringComparison.OrdinalIgnoreCase) ? null : name,
                Learners = parse.GetValue(learners) is { } names ? LearnerSelection.Parse(names) : null,
                Ignore = IgnoreOption.Value(parse, ignore),
            };
            if (options.CostMatrixPath is { } costFile && !File.Exists(costFile)) throw new PipelineException($"{costFile}: no such cost matrix file.");
            InputFile.Check(options.DataPath, "Pass the CSV file to learn from");
            using var interrupt = new InterruptHandler();
            var progress = new SearchProgress(terminal, options.Metric?.ToString() ?? "score");
            var result = progress.Run(onEvent => new AutoMLJob(options).Run(onEvent, interrupt.Token));
            Summary(terminal, result);
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>
    /// The figures, each with the rows it comes from, then what ships: the ONNX files' size and latency (the student's as
    /// ratios to model.onnx's, or why there is none), the trials, and where the outputs are.
    /// </summary>
    private static void Summary(Terminal terminal, AutoMLJobResult result)
    {
        var e = result.Experiment;
        var showAccuracy = e.Metric != Metric.Accuracy && e.Task != Data.PredictionTask.Regression;
        var table = new Table().Border(terminal.Border).AddColumns(["model", "rows", e.Metric.ToString(), .. showAccuracy ? ["accuracy"] : Array.Empty<string>()]);
        foreach (var figure in result.Figures)
        {
            string[] accuracy = showAccuracy ? [Format(figure.Scores.GetValueOrDefault(nameof(Metric.Accuracy), double.NaN))] : [];
            table.AddRow([Markup.Escape(figure.Model), Markup.Escape(Rows(figure)), Format(figure.Scores.GetValueOrDefault(e.Metric.ToString(), double.NaN)), .. accuracy]);
        }
        terminal.Console.Write(table);
        var writer = terminal.Console.Profile.Out.Writer;
        foreach (var check in result.Checks)
        {
            var ratios = check.Name == JobOutputs.Student && result.Checks[0] is { } teacher
                ? Invariant($" (size ratio {check.SizeBytes / (double)teacher.SizeBytes:0.####}, latency ratio {check.BatchMsPerRow / TeacherMsPerRow(result, teacher, check):0.###} to model.onnx)")
                : "";
            var device = check.Device.IsCuda ? $" on {check.Device}" : "";
            writer.WriteLine(Invariant($"{check.Name}: {check.SizeBytes / 1024.0:#,0.0} KiB, {check.BatchMsPerRow:0.0000} ms per row in ONNX Runtime{device}{ratios}, fitted on {result.ShippedRowsInWords}."));
        }
        if (result.RefitNote is { } refit) writer.WriteLine(Sentence(refit));
        if (result.Compression is null && result.StudentNote is { } note) writer.WriteLine(Sentence(note));
        var interrupted = e.Interrupted ? " (search interrupted; outputs are from the best so far)" : "";
        var validation = result.Figures[0] is { Rows: FigureRows.OutOfFold } searchFigure && ValidatedOnHoldout(searchFigure) ? "on the validation holdout" : "out of fold";
        // The search ranks a trial as TrialScorer scores it (a binary threshold on the rows it was tuned on, a multiclass
        // label by argmax); the table's figures decide each row by the shipped rule tuned without it. Where they differ,
        // both are named.
        var ranked = e.Best.Score ?? double.NaN;
        var shipped = Format(ranked) == Format(e.BestModelScore) ? "" : $" as the search ranked it, {Format(e.BestModelScore)} as it ships (each row decided by a rule tuned without it)";
        writer.WriteLine($"{e.Trials.Count} trials; best trial {e.Best.Id} ({e.Best.Learner}) {e.Metric} {Format(ranked)} {validation}{shipped}{interrupted}.");
        writer.WriteLine($"Wrote {string.Join(", ", result.Outputs)} to {result.OutputDir} in {result.Elapsed.TotalSeconds:0}s.");
    }

    /// <summary>
    /// model.onnx's milliseconds per row on the device the student was timed on: its check's, or (when model.onnx was
    /// checked on a GPU) the compression table's, timed on the CPU beside the student.
    /// </summary>
    private static double TeacherMsPerRow(AutoMLJobResult result, ModelCheck teacher, ModelCheck student) =>
        teacher.Device == student.Device ? teacher.BatchMsPerRow : result.Compression?.Teacher.BatchMsPerRow ?? double.NaN;

    /// <summary>A note as a sentence: capitalized, with a full stop.</summary>
    private static string Sentence(string note) => $"{char.ToUpperInvariant(note[0])}{note[1..]}.";

    /// <summary>A figure's rows, short: "out of fold, 3,750 rows", "validation holdout, 375 of 3,750 rows", "held out, 1,250 rows", "test file, 1,000 rows".</summary>
    private static string Rows(ModelFigure figure) => figure.Rows switch
    {
        FigureRows.OutOfFold when ValidatedOnHoldout(figure) => Invariant($"validation holdout, {figure.RowCount:N0} of {figure.FittedRows:N0} rows"),
        FigureRows.OutOfFold => Invariant($"out of fold, {figure.RowCount:N0} rows"),
        FigureRows.HeldOut => Invariant($"held out, {figure.RowCount:N0} rows (fitted on {figure.FittedRows:N0})"),
        _ => Invariant($"test file, {figure.RowCount:N0} rows"),
    };

    /// <summary>Whether the search validated on a holdout of its rows rather than on folds that score every one of them.</summary>
    private static bool ValidatedOnHoldout(ModelFigure searchFigure) => searchFigure.RowCount < searchFigure.FittedRows;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>"auto" → null (tune), else a number in (0, 1).</summary>
    private static double? Threshold(string value)
    {
        if (string.Equals(value, "auto", StringComparison.OrdinalIgnoreCase)) return null;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) && t is > 0 and < 1) return t;
        throw new PipelineException($"--threshold takes 'auto' or a number between 0 and 1 (exclusive), not '{value}'.");
    }

    private static string Format(double value) => double.IsFinite(value) ? value.ToString("0.0000", CultureInfo.InvariantCulture) : "-";

    /// <summary>MacroF1 → macro-f1.</summary>
    internal static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 && !char.IsUpper(name[i - 1]) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
