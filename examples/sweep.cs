#:project ../src/Pipelines/Pipelines.csproj
#:project ../src/AutoML/AutoML.csproj
#:property PublishAot=false

// A hyperparameter sweep from code: a hand-built space over a GBDT's rounds, leaves and learning rate, searched by
// the CFO tuner with 3-fold cross-validation on 75% of the breast cancer data; every trial goes into a SQLite trial
// store. Prints the top 5 of the leaderboard and the best pipeline's score on the held-out 25% after its refit.
// Run with: dotnet run examples/sweep.cs [OUTPUT_FOLDER]   (default: a new temporary folder; a folder whose
// trials.db already holds the study resumes it)
using System.Globalization;
using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Store;
using Pipelines.AutoML.Sweeps;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.IO;

var output = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), $"sweep-{Guid.NewGuid():N}");
var dataFolder = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "../data"));

// The 0/1 label becomes a categorical one, so the test rows are scored against the same classes the sweep sees.
var data = LabelTask.WithClassLabel(CsvReader.Read(Path.Combine(dataFolder, "breast_cancer.csv"), new CsvOptions { Label = "diagnosis" }));
var split = Split.TrainTest(data, testFraction: 0.25, seed: 7);
var (train, test) = (data.Take(split.Train), data.Take(split.Test));

// GBDT hyperparameters left out of the space keep the learner's defaults.
var space = new ParameterSpace(
    ("rounds", new IntRange(16, 128, defaultValue: 32, log: true)),
    ("num_leaves", new IntRange(4, 32, defaultValue: 8, log: true)),
    ("learning_rate", new FloatRange(0.03, 0.3, defaultValue: 0.1, log: true)));

Directory.CreateDirectory(output);
using var store = TrialStores.Open(Path.Combine(output, "trials.db"));
var options = new ExperimentOptions
{
    Metric = Metric.RocAuc,
    Tuner = TunerKind.Cfo,
    MaxTrials = 10,
    Folds = 3,
    Seed = 7,
    Store = store,
    StudyName = "gbdt-sweep",
};
var result = Sweep.Run(train, SearchSpaceJson.Write(space), learner: "gbdt", options,
    e => { if (e is TrialEnded t) Console.WriteLine(Line($"trial {t.Trial.Id}: {t.Trial.Status} {t.Trial.Score:0.0000} in {t.Trial.Seconds:0.00}s")); });

var board = Leaderboard.Load(store, options.StudyName);
Console.WriteLine($"top 5 of {board.Ranked.Count} trials by out-of-fold {result.Metric} (store: {store}):");
foreach (var row in board.Top(5))
    Console.WriteLine(Line($"  #{row.Rank} trial {row.Trial}: {row.Score:0.0000} (folds {row.FoldMean:0.0000} ± {row.FoldStd:0.0000}) {row.Parameters}"));

// The best trial's pipeline, refit on all training rows, scored on the held-out rows.
var target = ExperimentTarget.Of(test, LabelTask.Detect(test));
var scores = target.Scores(result.BestModel.Transform(test), [.. Enumerable.Range(0, test.RowCount)]);
Console.WriteLine(Line($"best trial {result.Best.Id} refit: test ROC AUC {scores[nameof(Metric.RocAuc)]:0.0000}, accuracy {scores[nameof(Metric.Accuracy)]:0.0000}"));
Console.WriteLine("example finished: OK");

static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
