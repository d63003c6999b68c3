using System.CommandLine;
using System.Globalization;
using Pipelines.AutoML.Store;
using Pipelines.AutoML.Sweeps.Workers;
using Pipelines.Cli.Output;
using Pipelines.Errors;

namespace Pipelines.Cli.Commands;

/// <summary>
/// `pipelines sweep worker --storage STORE --study NAME [--worker-id ID] [--data PATH] [--time S] [--max-trials N]
/// [--threads N]`: one worker of a study made by `sweep create`. Start as many as there are cores to spare, on any
/// host that reaches the store: each claims the next trial, heart-beats while it runs, and records the result; it
/// exits when the study is complete. One line per event, so logs read top to bottom.
/// </summary>
internal static class SweepWorkerCommand
{
    public static Command Create(Terminal terminal)
    {
        var storage = SweepOptions.StorageOption();
        var study = SweepOptions.StudyOption();
        var id = new Option<string?>("--worker-id") { Description = "This worker's id in the store (default: host-pid-random)." };
        var data = new Option<FileInfo?>("--data", "-d") { Description = "Where this host has the study's data file, when not at the path given to 'sweep create'." };
        var time = new Option<double?>("--time", "-t") { Description = "Claim no new trial after this many seconds." };
        var max = new Option<int?>("--max-trials") { Description = "Stop after finishing this many trials." };
        var threads = new Option<int?>("--threads") { Description = "Threads a trial trains with (default: every core)." };
        var command = new Command("worker", "Run trials of a study made by 'sweep create' until it is complete; start many, on many hosts.")
        {
            storage, study, id, data, time, max, threads,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(time) is <= 0) throw new PipelineException("--time must be a positive number of seconds.");
            if (parse.GetValue(max) is < 1) throw new PipelineException("--max-trials must be at least 1.");
            if (parse.GetValue(threads) is < 1) throw new PipelineException("--threads must be at least 1.");
            var name = parse.GetRequiredValue(study);
            using var store = TrialStores.OpenShared(parse.GetRequiredValue(storage));
            var worker = new SweepWorker(store, name, new SweepWorkerOptions
            {
                WorkerId = parse.GetValue(id),
                DataPath = parse.GetValue(data)?.FullName,
                TimeLimit = parse.GetValue(time) is { } s ? TimeSpan.FromSeconds(s) : null,
                MaxTrials = parse.GetValue(max),
                Threads = parse.GetValue(threads),
            });
            var output = terminal.Console.Profile.Out.Writer;
            var metric = SweepStudies.Load(store, name).Metric;
            output.WriteLine($"Worker {worker.Id} on study '{name}' in {store}.");
            using var interrupt = new InterruptHandler();
            var summary = worker.Run(e =>
            {
                lock (output) output.WriteLine($"[{e.Elapsed.ToString(@"mm\:ss", CultureInfo.InvariantCulture)}] {Line(e, metric.ToString())}");
            }, interrupt.Token);
            output.WriteLine($"Worker {summary.Worker}: {summary.Finished} trial(s) recorded{(summary.Lost > 0 ? $", {summary.Lost} lost to other workers" : "")}; {Reason(summary.Stop)}.");
            return CliApp.Ok;
        });
        return command;
    }

    private static string Line(WorkerEvent e, string metric) => e switch
    {
        TrialClaimed c => $"trial {c.Trial,3} {(c.Proposed ? "proposed" : "claimed")}{(c.Attempt > 1 ? $" (attempt {c.Attempt})" : "")}: {ParameterSummary.Format(c.Parameters, c.Learner)}",
        TrialDone { Recorded: false } d => $"trial {d.Trial.Id,3} dropped: {d.Trial.Error ?? "another worker holds it now"}",
        TrialDone d when d.Trial.Status == TrialStatus.Succeeded =>
            $"trial {d.Trial.Id,3} finished: {metric} {d.Trial.Score!.Value.ToString("0.0000", CultureInfo.InvariantCulture)} ({d.Trial.Seconds.ToString("0.0", CultureInfo.InvariantCulture)}s)",
        TrialDone d => $"trial {d.Trial.Id,3} finished: failed: {d.Trial.Error}",
        TrialReleased r => $"trial {r.Trial,3} put back in the queue (interrupted)",
        TrialReclaimed { Trial.Failed: true } r =>
            $"trial {r.Trial.Id,3} marked failed: worker {r.Trial.Worker} stopped heart-beating on its last attempt ({r.Trial.Attempts} of {r.MaxAttempts})",
        TrialReclaimed r => $"trial {r.Trial.Id,3} re-queued: worker {r.Trial.Worker} stopped heart-beating (attempt {r.Trial.Attempts} of {r.MaxAttempts})",
        WorkerWaiting w => $"waiting: nothing to claim while {w.Running} trial(s) run on other workers",
        _ => e.ToString(),
    };

    private static string Reason(WorkerStop stop) => stop switch
    {
        WorkerStop.StudyComplete => "the study is complete",
        WorkerStop.TimeLimit => "its --time ran out",
        WorkerStop.TrialLimit => "it reached --max-trials",
        _ => "interrupted",
    };
}
