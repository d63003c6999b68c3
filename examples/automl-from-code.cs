#:project ../src/AutoML/AutoML.csproj
#:property PublishAot=false

// The AutoML job from code, as `pipelines automl` runs it: read and profile the iris data, search pipelines and learners
// (8 trials, reproducible), ensemble and refit on every row, export the model to ONNX (and from it an ML.NET model)
// and check it in ONNX Runtime (on AutoMLJobOptions.Device, the CPU by default). Iris has 150 rows, too few to hold a
// test part out, so the out-of-fold estimate is the figure; each figure says which rows it comes from. Writes
// model.onnx, model.mlnet.zip, the pipeline file, the leaderboard, trials.db, metrics.json and report.html into the
// output folder, and prints the figures and the ONNX check.
// Run with: dotnet run examples/automl-from-code.cs [OUTPUT_FOLDER]   (default: a new temporary folder)
using System.Globalization;
using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.Job;

var dataFolder = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "../data"));
var options = new AutoMLJobOptions
{
    DataPath = Path.Combine(dataFolder, "iris.csv"),
    Label = "species",
    OutputDir = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), $"automl-from-code-{Guid.NewGuid():N}"),
    MaxTrials = 8,
    Seed = 1,
};

var result = new AutoMLJob(options).Run(Progress);

var experiment = result.Experiment;
Console.WriteLine(Line($"{experiment.Trials.Count} trials; best trial {experiment.Best.Id} ({experiment.Best.Learner}), out-of-fold {experiment.Metric} {experiment.Best.Score:0.0000}"));
foreach (var figure in result.Figures)
{
    var metrics = string.Join(", ", figure.Scores.Select(s => Line($"{s.Key} {s.Value:0.0000}")));
    Console.WriteLine($"{figure.Model}, {figure.Description}: {metrics}");
}
foreach (var check in result.Checks)
    Console.WriteLine(Line($"{check.Name} (fitted on all {result.Rows} rows): {check.SizeBytes / 1024.0:0.0} KiB; on {check.RowsDescription}, ONNX Runtime ({check.Device}) label agreement {check.LabelAgreement:0.0%}, max probability difference {check.MaxProbabilityDifference:0.0e0}"));
Console.WriteLine($"wrote {string.Join(", ", result.Outputs)} to {result.OutputDir}");
Console.WriteLine("example finished: OK");

// Job steps and finished trials, one line each.
static void Progress(ExperimentEvent e)
{
    var line = e switch
    {
        JobStep step => $"[{step.Phase}] {step.Detail}",
        TrialEnded t => Line($"  trial {t.Trial.Id} ({t.Trial.Learner}): {t.Trial.Status} {t.Trial.Score:0.0000}, best so far {t.BestScore:0.0000}"),
        _ => null,
    };
    if (line is not null) Console.WriteLine(line);
}

static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
