#:project ../src/AutoML/AutoML.csproj
#:property PublishAot=false

// The AutoML job from code, as `pipelines automl` runs it: read and profile the iris data, hold out a stratified
// test split, search pipelines and learners (8 trials, reproducible), ensemble and refit, export the model to ONNX and
// check it in ONNX Runtime on the test rows. Writes model.onnx, the pipeline file, the leaderboard, trials.db and
// metrics.json into the output folder, and prints each model's test metrics.
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
foreach (var check in result.Checks)
{
    var metrics = string.Join(", ", check.Scores.Select(s => Line($"{s.Key} {s.Value:0.0000}")));
    var parity = check.LabelAgreement is { } agreement ? Line($"; ONNX Runtime label agreement {agreement:0.0%}, max probability difference {check.MaxProbabilityDifference:0.0e0}") : "";
    Console.WriteLine($"{check.Name} on the test rows: {metrics}{parity}");
}
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
