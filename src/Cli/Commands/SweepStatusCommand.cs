using System.CommandLine;
using System.Globalization;
using Pipelines.AutoML.Store;
using Pipelines.AutoML.Sweeps.Workers;
using Pipelines.Cli.Output;

namespace Pipelines.Cli.Commands;

/// <summary>
/// `pipelines sweep status --storage STORE --study NAME [--top N]`: a worker study's progress (trials by status, what
/// runs where, trials retried) and the top of its leaderboard.
/// </summary>
internal static class SweepStatusCommand
{
    public static Command Create(Terminal terminal)
    {
        var storage = SweepOptions.StorageOption();
        var study = SweepOptions.StudyOption();
        var top = new Option<int>("--top") { Description = "Leaderboard rows to show.", DefaultValueFactory = _ => 10 };
        var command = new Command("status", "Show a worker study's progress and leaderboard.") { storage, study, top };
        command.SetAction(parse =>
        {
            var name = parse.GetRequiredValue(study);
            using var store = TrialStores.OpenShared(parse.GetRequiredValue(storage));
            var progress = SweepStudies.Progress(store, name);
            var board = progress.Leaderboard;
            var output = terminal.Console.Profile.Out.Writer;
            output.WriteLine($"Study '{name}' in {store}: {progress.Definition}.");
            output.WriteLine(
                $"{progress.Finished} of {progress.Planned} trial(s) finished ({board.Ranked.Count} succeeded, {board.Failed} failed), " +
                $"{board.Running} running, {board.Queued} queued; {progress.Retried} taken over from a silent worker; " +
                $"{progress.Workers.Count} worker(s) so far.{(progress.IsComplete ? " Complete." : "")}");
            foreach (var item in progress.Running)
            {
                var beat = item.HeartbeatAt is { } at ? $", last heartbeat {at.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC" : "";
                output.WriteLine($"  trial {item.Trial.Id} running on {item.Worker ?? "an in-process run"} (attempt {item.Attempts}{beat})");
            }
            LeaderboardView.Write(terminal, board, progress.Definition.Metric, parse.GetValue(top));
            return CliApp.Ok;
        });
        return command;
    }
}
