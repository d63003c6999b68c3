using System.CommandLine;
using System.Globalization;
using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.Job;
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
/// `pipelines sweep SPACE.json --data FILE --label L --tuner grid|random|cfo|bayes [--learner NAME] [--task T] [--trials N]
/// [--time S] [--storage sqlite:PATH|postgresql://...] [--study NAME]`: a hyperparameter sweep over a hand-written
/// space into a trial store (resumed when the study exists), printing the leaderboard; --out saves the best pipeline
/// refit on all rows. Its subcommands run a study on many workers: `create`, `worker`, `status`, `best`, `export`.
/// </summary>
internal static class SweepCommand
{
    public static Command Create(Terminal terminal)
    {
        var options = new SweepOptions();
        var time = new Option<double?>("--time", "-t") { Description = "Seconds for this run." };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Save the best pipeline, refit on all rows, here." };
        var command = new Command("sweep", "Run a hyperparameter sweep over a search space file into a trial store; its subcommands run one study on many workers.")
        {
            SweepCreateCommand.Create(terminal),
            SweepWorkerCommand.Create(terminal),
            SweepStatusCommand.Create(terminal),
            SweepBestCommand.Create(terminal),
            SweepExportCommand.Create(terminal),
            time, output,
        };
        foreach (var symbol in options.Search) Add(command, symbol);
        command.SetAction(parse =>
        {
            var seconds = parse.GetValue(time);
            var count = parse.GetValue(options.Trials);
            if (seconds is null && count is null) throw new PipelineException("Give the sweep --trials N, --time SECONDS, or both.");
            if (seconds is <= 0) throw new PipelineException($"--time must be a positive number of seconds, not {seconds.Value.ToString(CultureInfo.InvariantCulture)}.");
            if (count is < 1) throw new PipelineException($"--trials must be 1 or more, not {count}.");
            if (parse.GetValue(options.Folds) is < 1 and var folds) throw new PipelineException($"--folds must be 1 (a holdout) or more, not {folds}.");
            if (parse.GetValue(options.GridPoints) is < 2 and var points) throw new PipelineException($"--grid-points must be 2 or more, not {points}.");
            var spaceText = options.SpaceText(parse);
            var dataPath = parse.GetRequiredValue(options.Data).FullName;
            InputFile.Check(dataPath, "Pass the CSV file to learn from");
            var conventions = new ColumnConventions();
            var frame = CsvReader.Read(dataPath, new CsvOptions { Label = parse.GetRequiredValue(options.Label), Sheet = parse.GetValue(options.Sheet) }, conventions: conventions);
            if (IgnoreOption.Value(parse, options.Ignore) is { Count: > 0 } ignore) frame = IgnoredColumns.Drop(frame, ignore, dataPath);
            using var store = TrialStores.Open(parse.GetRequiredValue(options.Storage));
            var experiment = new ExperimentOptions
            {
                Tuner = options.TunerOf(parse),
                MaxTrials = count,
                TimeBudget = seconds is { } s ? TimeSpan.FromSeconds(s) : null,
                Metric = options.MetricOf(parse),
                Task = TaskOption.Value(parse, options.Task),
                Folds = parse.GetValue(options.Folds),
                Seed = parse.GetValue(options.Seed),
                GridPoints = parse.GetValue(options.GridPoints),
                Store = store,
                StudyName = parse.GetRequiredValue(options.Study),
            };
            using var interrupt = new InterruptHandler();
            var progress = new SearchProgress(terminal, experiment.Metric?.ToString() ?? "score");
            var result = progress.Run(onEvent => Sweep.Run(frame, spaceText, parse.GetValue(options.Learner), experiment, onEvent, interrupt.Token));
            var board = new Leaderboard(result.Study, store.Trials(result.Study.Name));
            LeaderboardView.Write(terminal, board, result.Metric, top: 10);
            if (parse.GetValue(output) is { } file)
            {
                PipelineFile.Save(file.FullName, result.BestModel, conventions.ModelInputs(frame), $"pipelines sweep: best of study '{result.Study.Name}'");
                terminal.Console.Profile.Out.Writer.WriteLine($"Saved the best pipeline (trial {result.Best.Id}, refit on all rows) to {file.FullName}.");
            }
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>Adds an option or argument to <paramref name="command"/>.</summary>
    internal static void Add(Command command, Symbol symbol)
    {
        switch (symbol)
        {
            case Option option:
                command.Options.Add(option);
                break;
            case Argument argument:
                command.Arguments.Add(argument);
                break;
        }
    }
}
