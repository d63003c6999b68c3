using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Pipelines.AutoML.Store;
using Pipelines.AutoML.Sweeps.Workers;
using Pipelines.Cli.Output;
using Pipelines.Errors;
using Pipelines.Persistence;

namespace Pipelines.Cli.Commands;

/// <summary>
/// `pipelines sweep best --storage STORE --study NAME [--json] [--out FILE] [--data PATH]`: a study's best trial so far;
/// --out refits it on all rows of the study's data and saves the pipeline.
/// </summary>
internal static class SweepBestCommand
{
    public static Command Create(Terminal terminal)
    {
        var storage = SweepOptions.StorageOption();
        var study = SweepOptions.StudyOption();
        var json = new Option<bool>("--json") { Description = "Print the best trial as JSON." };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Refit the best trial on all rows and save the pipeline here." };
        var data = new Option<FileInfo?>("--data", "-d") { Description = "Where this host has the study's data file (for --out), when not at the stored path." };
        var command = new Command("best", "Show a study's best trial; --out saves its pipeline refit on all rows.") { storage, study, json, output, data };
        command.SetAction(parse =>
        {
            var name = parse.GetRequiredValue(study);
            using var store = TrialStores.OpenShared(parse.GetRequiredValue(storage));
            var board = Leaderboard.Load(store, name);
            var best = board.Best ?? throw new PipelineException(
                $"No trial of study '{name}' has succeeded yet ({board.Failed} failed, {board.Running} running, {board.Queued} queued).");
            var writer = terminal.Console.Profile.Out.Writer;
            if (parse.GetValue(json))
            {
                var summary = new { study = name, metric = board.Study.Metric, best.Trial, best.Learner, best.Score, best.Seconds, best.Parameters };
                writer.WriteLine(JsonSerializer.Serialize(summary, JsonOutput.Options));
            }
            else
            {
                writer.WriteLine(
                    $"Best of study '{name}': trial {best.Trial}, {board.Study.Metric} {best.Score!.Value.ToString("0.0000", CultureInfo.InvariantCulture)} " +
                    $"({best.Learner}: {best.Parameters}), {best.Seconds.ToString("0.0", CultureInfo.InvariantCulture)}s; {board.Ranked.Count} trial(s) ranked.");
            }
            if (parse.GetValue(output) is { } file)
            {
                var refit = SweepStudies.RefitBest(store, name, parse.GetValue(data)?.FullName);
                PipelineFile.Save(file.FullName, refit.Model, refit.Schema, $"pipelines sweep: best of study '{name}' (trial {refit.Trial.Id})");
                writer.WriteLine($"Saved the best pipeline (trial {refit.Trial.Id}, refit on all rows) to {file.FullName}.");
            }
            return CliApp.Ok;
        });
        return command;
    }
}
