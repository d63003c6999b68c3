using System.CommandLine;
using Pipelines.AutoML.Store;
using Pipelines.Cli.Output;

namespace Pipelines.Cli.Commands;

/// <summary>
/// `pipelines sweep export --storage STORE --study NAME --out leaderboard.csv`: every trial of a study, ranked, as CSV
/// (rank, trial, learner, score, fold mean and spread, seconds, status, parameters, error).
/// </summary>
internal static class SweepExportCommand
{
    public static Command Create(Terminal terminal)
    {
        var storage = SweepOptions.StorageOption();
        var study = SweepOptions.StudyOption();
        var output = new Option<FileInfo>("--out", "-o") { Description = "The CSV file to write.", Required = true };
        var command = new Command("export", "Write a study's leaderboard (every finished trial) as CSV.") { storage, study, output };
        command.SetAction(parse =>
        {
            var name = parse.GetRequiredValue(study);
            using var store = TrialStores.OpenShared(parse.GetRequiredValue(storage));
            var board = Leaderboard.Load(store, name);
            var path = parse.GetRequiredValue(output).FullName;
            board.WriteCsv(path);
            terminal.Console.Profile.Out.Writer.WriteLine(
                $"Wrote {board.Ranked.Count + board.Unranked.Count} trial(s) of study '{name}' to {path} ({board.Running} running and {board.Queued} queued not included).");
            return CliApp.Ok;
        });
        return command;
    }
}
