using System.Diagnostics;
using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Store;
using Pipelines.AutoML.Tuners;
using Pipelines.Core;
using Pipelines.Errors;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Sweeps.Workers;

/// <summary>
/// One worker of a study made by <see cref="SweepStudies.Create"/>: claims the next queued trial (or, for an adaptive
/// tuner, proposes one from the shared history), evaluates it with the study's cross-validation while a heartbeat
/// thread keeps the claim alive, and writes the result in one transaction. Many workers, in one process or on many
/// hosts, share a study through the store. Returns when the study is complete (nothing queued, running or left to
/// propose), at its own time or trial limit, or on interrupt (the trial in hand is put back in the queue).
/// </summary>
public sealed class SweepWorker(ISharedTrialStore store, string study, SweepWorkerOptions? options = null)
{
    private readonly SweepWorkerOptions _options = options ?? new SweepWorkerOptions();

    /// <summary>This worker's id in the store.</summary>
    public string Id { get; } = options?.WorkerId ?? SweepWorkerOptions.NewWorkerId();

    public WorkerSummary Run(Action<WorkerEvent>? onEvent = null, CancellationToken interrupt = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(study);
        var clock = Stopwatch.StartNew();
        var definition = SweepStudies.Load(store, study);
        var data = StudyData.Load(_options.DataPath ?? definition.DataPath, definition.Label, definition.Task, _options.Learners, definition.Ignore, definition.Sheet);
        data.CheckFingerprint(definition, study);
        var space = data.Space(definition);
        var run = new TrialRun(store, data.Evaluator(definition), definition.Metric, definition.Requeue.HeartbeatInterval, _options.Threads);
        var poll = TimeSpan.FromTicks(Math.Min(_options.Poll.Ticks, definition.Requeue.Grace.Ticks / 3));
        var summary = new WorkerSummary { Worker = Id };
        var waiting = false;
        while (true)
        {
            if (interrupt.IsCancellationRequested) return summary with { Stop = WorkerStop.Interrupted };
            if (_options.TimeLimit is { } limit && clock.Elapsed >= limit) return summary with { Stop = WorkerStop.TimeLimit };
            if (_options.MaxTrials is int max && summary.Finished >= max) return summary with { Stop = WorkerStop.TrialLimit };
            var outcome = store.Claim(study, Id, definition.Requeue);
            foreach (var reclaimed in outcome.Reclaimed) onEvent?.Invoke(new TrialReclaimed(reclaimed, definition.Requeue.MaxAttempts, clock.Elapsed));
            var claim = outcome.Claim ?? Propose(definition, space);
            if (claim is not null)
            {
                waiting = false;
                onEvent?.Invoke(new TrialClaimed(claim.Trial.Id, claim.Attempt, outcome.Claim is null, claim.Trial.Learner, claim.Trial.Parameters, clock.Elapsed));
                summary = run.Evaluate(claim, summary, e => onEvent?.Invoke(e), clock, interrupt);
                continue;
            }
            var items = store.WorkItems(study);
            var running = items.Count(i => i.Trial.Status == TrialStatus.Running);
            if (running == 0 && !items.Any(i => i.Trial.Status == TrialStatus.Queued)) return summary with { Stop = WorkerStop.StudyComplete };
            if (!waiting) onEvent?.Invoke(new WorkerWaiting(running, clock.Elapsed));
            waiting = true;
            interrupt.WaitHandle.WaitOne(poll);
        }
    }

    /// <summary>An adaptive study's next trial, proposed under the study's lock; null for planned studies or when nothing is left.</summary>
    private WorkClaim? Propose(WorkerStudy definition, ParameterSpace space) =>
        WorkerTuners.IsPlanned(definition.Tuner)
            ? null
            : store.ProposeAndClaim(study, Id, trials => WorkerTuners.Propose(definition, study, space, trials, DateTimeOffset.UtcNow));

    /// <summary>Evaluates one claimed trial and records its outcome.</summary>
    private sealed class TrialRun(ISharedTrialStore store, TrialEvaluator evaluator, Metric metric, TimeSpan heartbeat, int? threads)
    {
        public WorkerSummary Evaluate(WorkClaim claim, WorkerSummary summary, Action<WorkerEvent> onEvent, Stopwatch clock, CancellationToken interrupt)
        {
            var trial = new Trial(claim.Trial.Id, [], Parameters.FromJson(claim.Trial.Parameters)) { SampleSize = claim.Trial.SampleSize };
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
            var progress = new TrialProgress();
            var watch = Stopwatch.StartNew();
            TrialResult? result = null;
            Exception? error = null;
            var beat = new TrialHeartbeat(store, claim, heartbeat, stop);
            try
            {
                using var context = TrainingContext.Enter(stop.Token, threads);
                result = evaluator.Evaluate(trial, progress);
            }
#pragma warning disable CA1031 // Any exception a trial throws is its failure, recorded with the trial; the worker goes on.
            catch (Exception e)
#pragma warning restore CA1031
            {
                error = e;
            }
            finally
            {
                beat.Dispose();
            }
            if (beat.Lost)
            {
                onEvent(new TrialDone(claim.Trial with { Status = TrialStatus.Cancelled, Error = "the worker lost its claim (no heartbeat within the grace period)" }, false, clock.Elapsed));
                return summary with { Lost = summary.Lost + 1 };
            }
            if (result is null && interrupt.IsCancellationRequested)
            {
                store.Release(claim);
                onEvent(new TrialReleased(claim.Trial.Id, clock.Elapsed));
                return summary;
            }
            var ended = claim.Trial with { Seconds = watch.Elapsed.TotalSeconds, FoldScores = progress.FoldScores(), FinishedAt = DateTimeOffset.UtcNow };
            var entry = result is null ? ended with { Status = TrialStatus.Failed, Error = Describe(error) }
                : double.IsNaN(result.Score) ? ended with { Status = TrialStatus.Failed, Error = $"{metric} is undefined on the out-of-fold predictions" }
                : ended with { Status = TrialStatus.Succeeded, Score = result.Score };
            var recorded = store.Finish(claim, entry);
            onEvent(new TrialDone(entry, recorded, clock.Elapsed));
            return recorded ? summary with { Finished = summary.Finished + 1 } : summary with { Lost = summary.Lost + 1 };
        }

        /// <summary>One line for the store: our own errors as they are, others with their type.</summary>
        private static string Describe(Exception? error) => error switch
        {
            null => "the trial ended without a result",
            PipelineException p => FirstLine(p.Message),
            _ => $"{error.GetType().Name}: {FirstLine(error.Message)}",
        };

        private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd('\r');
    }
}

/// <summary>What a worker did: trials it finished and recorded, trials it lost to another worker, and why it stopped.</summary>
public sealed record WorkerSummary
{
    public required string Worker { get; init; }
    public int Finished { get; init; }
    public int Lost { get; init; }
    public WorkerStop Stop { get; init; }
}

/// <summary>Why a worker returned.</summary>
public enum WorkerStop
{
    /// <summary>Nothing queued, running or left to propose.</summary>
    StudyComplete,
    TimeLimit,
    TrialLimit,
    Interrupted,
}
