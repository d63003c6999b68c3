using System.CommandLine;
using System.Globalization;
using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.Store;
using Pipelines.AutoML.Sweeps;
using Pipelines.Cli.Output;
using Pipelines.Errors;
using Pipelines.Evaluation;
using Pipelines.IO;
using Pipelines.Persistence;
using Spectre.Console;

namespace Pipelines.Cli.Commands;

/// <summary>
/// `pipelines sweep SPACE.json --data FILE --label L --tuner grid|random|cfo|bayes [--learner NAME] [--trials N]
/// [--time S] [--storage sqlite:PATH] [--study NAME]`: a hyperparameter sweep over a hand-written space into a trial
/// store (resumed when the study exists), printing the leaderboard; --out saves the best pipeline refit on all rows.
/// </summary>
internal static class SweepCommand
{
    private static readonly Dictionary<string, TunerKind> Tuners = new(StringComparer.OrdinalIgnoreCase)
    {
        ["grid"] = TunerKind.Grid, ["random"] = TunerKind.Random, ["cfo"] = TunerKind.Cfo, ["bayes"] = TunerKind.Bayes, ["eci"] = TunerKind.Eci,
    };

    public static Command Create(Terminal terminal)
    {
        var space = new Argument<FileInfo>("space") { Description = "The search space (JSON): a learner's hyperparameters, or a full space with a \"learner\" choice." };
        var data = new Option<FileInfo>("--data", "-d") { Description = "CSV or TSV file to learn from.", Required = true };
        var label = new Option<string>("--label", "-l") { Description = "The column to predict.", Required = true };
        var tuner = new Option<string>("--tuner") { Description = "grid, random, cfo, bayes (TPE) or eci.", DefaultValueFactory = _ => "random" };
        tuner.AcceptOnlyFromAmong([.. Tuners.Keys]);
        var learner = new Option<string?>("--learner") { Description = "The learner whose hyperparameters the space file holds (gbdt, random_forest, extra_trees, linear, mlp)." };
        var trials = new Option<int?>("--trials") { Description = "Trials in the study in all." };
        var time = new Option<double?>("--time", "-t") { Description = "Seconds for this run." };
        var storage = new Option<string>("--storage") { Description = "The trial store: sqlite:PATH or a path.", DefaultValueFactory = _ => "sqlite:sweep.db" };
        var study = new Option<string>("--study") { Description = "The study's name in the store (resumed when it exists).", DefaultValueFactory = _ => "sweep" };
        var metric = new Option<string?>("--metric", "-m") { Description = "Metric to optimize." };
        metric.AcceptOnlyFromAmong([.. Enum.GetNames<Metric>().Select(AutoMLCommand.Kebab)]);
        var folds = new Option<int?>("--folds") { Description = "Cross-validation folds (1: a 10% holdout)." };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 0, Description = "Seeds folds and tuner." };
        var grid = new Option<int>("--grid-points") { DefaultValueFactory = _ => 5, Description = "Values per numeric range for --tuner grid." };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Save the best pipeline, refit on all rows, here." };
        var command = new Command("sweep", "Run a hyperparameter sweep over a search space file into a trial store.")
        {
            space, data, label, tuner, learner, trials, time, storage, study, metric, folds, seed, grid, output,
        };
        command.SetAction(parse =>
        {
            var seconds = parse.GetValue(time);
            var count = parse.GetValue(trials);
            if (seconds is null && count is null) throw new PipelineException("Give the sweep --trials N, --time SECONDS, or both.");
            if (seconds is <= 0) throw new PipelineException($"--time must be a positive number of seconds, not {seconds.Value.ToString(CultureInfo.InvariantCulture)}.");
            var spaceFile = parse.GetRequiredValue(space).FullName;
            if (!File.Exists(spaceFile)) throw new PipelineException($"{spaceFile}: no such search space file.");
            var frame = CsvReader.Read(parse.GetRequiredValue(data).FullName, new CsvOptions { Label = parse.GetRequiredValue(label) });
            using var store = TrialStores.Open(parse.GetRequiredValue(storage));
            var options = new ExperimentOptions
            {
                Tuner = Tuners[parse.GetRequiredValue(tuner)],
                MaxTrials = count,
                TimeBudget = seconds is { } s ? TimeSpan.FromSeconds(s) : null,
                Metric = parse.GetValue(metric) is { } m ? Enum.Parse<Metric>(m.Replace("-", "", StringComparison.Ordinal), ignoreCase: true) : null,
                Folds = parse.GetValue(folds),
                Seed = parse.GetValue(seed),
                GridPoints = parse.GetValue(grid),
                Store = store,
                StudyName = parse.GetRequiredValue(study),
            };
            using var interrupt = new InterruptHandler();
            var progress = new SearchProgress(terminal, options.Metric?.ToString() ?? "score");
            var result = Sweep.Run(frame, File.ReadAllText(spaceFile), parse.GetValue(learner), options, progress.On, interrupt.Token);
            var board = new Leaderboard(result.Study, store.Trials(result.Study.Name));
            LeaderboardView.Write(terminal, board, result.Metric, top: 10);
            if (parse.GetValue(output) is { } file)
            {
                PipelineFile.Save(file.FullName, result.BestModel, frame.Schema, $"pipelines sweep: best of study '{result.Study.Name}'");
                terminal.Console.Profile.Out.Writer.WriteLine($"Saved the best pipeline (trial {result.Best.Id}, refit on all rows) to {file.FullName}.");
            }
            return CliApp.Ok;
        });
        return command;
    }
}
