using Pipelines.AutoML.Store;
using Pipelines.AutoML.Tuners;
using Pipelines.Core;
using Pipelines.Errors;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Experiments;

/// <summary>
/// The search phase: keeps up to <see cref="ExperimentOptions.Parallelism"/> trials in flight, each in its own
/// <see cref="TrainingContext"/> (a stop switch and an equal share of the cores), writes every trial to the store when
/// it starts and when it ends, and reports results to the tuner. All tuner and store calls happen on the calling
/// thread. Stops proposing at the trial count, the search deadline, when the tuner is exhausted or on interrupt;
/// trials still running at the deadline or interrupt are stopped and recorded as cancelled (a resumed run runs them
/// again), and a trial that cannot finish before the deadline is limited to the repeats of the folds that can, or
/// stopped as failed, as soon as that shows (<see cref="PaceGuard"/>). In reproducible mode results reach the tuner in trial-id order with deterministic costs, so the trials do
/// not depend on timing.
/// </summary>
internal sealed class SearchLoop(ExperimentRun run, ITuner tuner, TrialEvaluator evaluator, SearchBudget budget, MemoryGuard guard)
{
    private readonly PaceGuard _pace = new(run.Plan.Folds.Count, run.Options.TimeBudget, run.Plan.Repeats);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private readonly List<RunningTrial> _running = [];
    private readonly List<TrialEntry> _undelivered = [];
    // Seconds the pace guard projected for the trials it stopped: their cost to the tuner, which would otherwise see only
    // the moments they ran and soon propose the same learner again (kept with the trial, TrialEntry.ReportedCost, for a
    // resumed study to replay).
    private readonly Dictionary<int, double> _projected = [];
    // Why the pace guard limited a trial to fewer repeats of the folds, for the trial's end event.
    private readonly Dictionary<int, string> _limited = [];
    private int _proposed;
    private int _reports;

    /// <summary>Replays <paramref name="stored"/> into the tuner, then searches until a stop condition holds.</summary>
    public void Run(IReadOnlyList<TrialEntry> stored, CancellationToken interrupt)
    {
        var replay = TrialReplay.Run(tuner, stored, Replay, run.Book.Study,
            run.Options.IsReproducible ? run.Options.Parallelism : null, run.Options.MaxTrials ?? int.MaxValue);
        var pending = new Queue<(Trial, int, TrialEntry?)>(replay);
        _proposed = stored.Count + replay.Count(r => r.Trial.Id >= stored.Count);
        run.Enter(ExperimentPhase.Searching);
        var threads = run.Options.TrialThreads;
        while (true)
        {
            while (_running.Count + _undelivered.Count < run.Options.Parallelism && (pending.Count > 0 || CanPropose(interrupt)))
            {
                if (interrupt.IsCancellationRequested || PastDeadline()) break;
                var (trial, after, finished) = pending.Count > 0 ? pending.Dequeue() : Propose();
                if (finished is null) Start(trial, after, threads);
                else Reuse(trial, finished);
            }
            if (_running.Count == 0 && _undelivered.Count == 0) break;
            if (_running.Count > 0 && !CanDeliver()) Task.WaitAny([.. _running.Select(r => (Task)r.Task)], Poll);
            if (interrupt.IsCancellationRequested) StopAll("interrupted (Ctrl-C); run again with the same store to resume");
            else if (PastDeadline()) StopAll("the time budget ran out before the trial finished");
            if (guard.Check(_running) is { } heavy) heavy.RequestStop(guard.Reason(), isFailure: true);
            foreach (var (slow, verdict) in _pace.Check(_running, run.Clock.Elapsed, budget.Deadline()).ToArray())
            {
                _projected[slow.Trial.Id] = verdict.Projected;
                if (verdict.Stops) slow.RequestStop(verdict.Reason, isFailure: true);
                else
                {
                    slow.Progress.LimitRepeats(verdict.Repeats);
                    _limited[slow.Trial.Id] = verdict.Reason;
                }
            }
            foreach (var done in _running.Where(r => r.Task.IsCompleted).OrderBy(r => r.Trial.Id).ToArray())
            {
                _running.Remove(done);
                var entry = Finish(done);
                if (entry.Status == TrialStatus.Cancelled) continue;
                _undelivered.Add(entry);
            }
            var stopping = interrupt.IsCancellationRequested || PastDeadline();
            // In reproducible mode a finished trial waits for smaller ids even when stopping: it stays stored unreported,
            // and a resumed run reports it in its turn, so the resumed search is the uninterrupted one.
            Deliver(all: !run.Options.IsReproducible);
            if (_running.Count == 0 && stopping) break;
        }
    }

    private bool CanPropose(CancellationToken interrupt) =>
        !interrupt.IsCancellationRequested && !PastDeadline() && !tuner.IsDone && (run.Options.MaxTrials is not int max || _proposed < max);

    private bool PastDeadline() => budget.Deadline() is { } deadline && run.Clock.Elapsed >= deadline;

    private (Trial, int, TrialEntry?) Propose()
    {
        _proposed++;
        return (tuner.Propose(), _reports, null);
    }

    /// <summary>A trial that finished in an earlier run but was not reported yet: its stored result is reported in turn.</summary>
    private void Reuse(Trial trial, TrialEntry finished)
    {
        run.Book.Restore(trial, finished);
        _undelivered.Add(finished);
    }

    private void Start(Trial trial, int proposedAfter, int threads)
    {
        var stop = new CancellationTokenSource();
        var running = new RunningTrial(trial, proposedAfter, DateTimeOffset.UtcNow, stop);
        run.Book.Save(run.Book.Started(trial, proposedAfter, running.StartedAt));
        running.Task = Task.Run(() =>
        {
            using var context = TrainingContext.Enter(stop.Token, threads);
            return evaluator.Evaluate(trial, running.Progress);
        });
        if (run.Options.TrialTimeLimit is { } limit)
        {
            // A timer rather than CancelAfter so the reason is recorded before the token fires.
            var timer = new Timer(_ => running.RequestStop($"exceeded the trial time limit of {limit.TotalSeconds:0.#} s", isFailure: true), null, limit, Timeout.InfiniteTimeSpan);
            running.Task.ContinueWith(_ => timer.Dispose(), TaskScheduler.Default);
        }
        _running.Add(running);
        run.OnEvent?.Invoke(new TrialStarted(trial.Id, TrialBook.LearnerOf(trial), run.Clock.Elapsed));
    }

    private void StopAll(string reason)
    {
        foreach (var r in _running) r.RequestStop(reason, isFailure: false);
    }

    private TrialEntry Finish(RunningTrial running)
    {
        running.Freeze();
        var started = run.Book.Started(running.Trial, running.ProposedAfter, running.StartedAt);
        var folds = running.Progress.FoldScores();
        var ended = started with { Seconds = running.Seconds, FinishedAt = DateTimeOffset.UtcNow, FoldScores = folds };
        TrialEntry entry;
        if (running.Task.IsCompletedSuccessfully)
        {
            var result = running.Task.Result;
            entry = double.IsNaN(result.Score)
                ? ended with { Status = TrialStatus.Failed, Error = $"{run.Metric} is undefined on the out-of-fold predictions" }
                : ended with { Status = TrialStatus.Succeeded, Score = result.Score, OutOfFold = result.OutOfFold };
        }
        else
        {
            var error = running.Task.Exception?.GetBaseException();
            var cancelled = error is OperationCanceledException && running.StopReason is not null;
            entry = cancelled
                ? ended with { Status = running.StopIsFailure ? TrialStatus.Failed : TrialStatus.Cancelled, Error = running.StopReason }
                : ended with { Status = TrialStatus.Failed, Error = Describe(error) };
        }
        // Saved now so a finished trial survives a crash even before the tuner hears of it (it is re-run then).
        run.Book.Save(entry);
        return entry;
    }

    /// <summary>
    /// Reports finished trials to the tuner in id order: all that finished (<paramref name="all"/>), or in reproducible
    /// mode just the next one, and only once no smaller trial id is still running. The loop proposes after each
    /// report, so trial k is always proposed after the same reports whatever the timing.
    /// </summary>
    private void Deliver(bool all)
    {
        while (CanDeliver() || (all && _undelivered.Count > 0))
        {
            var entry = _undelivered[0];
            _undelivered.RemoveAt(0);
            var trial = run.Book.Proposal(entry.Id);
            var cost = Math.Max(budget.Cost(trial, entry), _projected.GetValueOrDefault(entry.Id));
            var reported = entry with { ReportOrder = _reports++, ReportedCost = cost };
            tuner.Report(trial, Loss(reported), cost, reported.Status == TrialStatus.Failed);
            run.Book.Save(reported);
            var note = reported.Status == TrialStatus.Succeeded && _limited.TryGetValue(entry.Id, out var why) ? RepeatsRun(reported, why) : null;
            run.OnEvent?.Invoke(new TrialEnded(reported, run.Book.FinishedCount, run.Book.BestScore, run.Clock.Elapsed, run.Remaining) { Note = note });
            if (!all) return;
        }
    }

    /// <summary>How many of the plan's repeats a limited trial ran (counted from its folds, as it ended) and why.</summary>
    private string RepeatsRun(TrialEntry trial, string why)
    {
        var plan = run.Plan;
        var folds = trial.FoldScores.Count;
        return $"{folds / plan.FoldsPerRepeat} of {plan.Repeats} repeats of the folds ({folds} of {plan.Folds.Count} folds): {why}";
    }

    /// <summary>Whether the smallest finished, unreported trial may be reported now.</summary>
    private bool CanDeliver()
    {
        if (_undelivered.Count == 0) return false;
        _undelivered.Sort((a, b) => a.Id.CompareTo(b.Id));
        return !_running.Any(r => r.Trial.Id < _undelivered[0].Id);
    }

    private void Replay(Trial trial, TrialEntry entry)
    {
        run.Book.Restore(trial, entry);
        tuner.Report(trial, Loss(entry), entry.ReportedCost ?? budget.Cost(trial, entry), entry.Status == TrialStatus.Failed);
        _reports++;
    }

    private double Loss(TrialEntry entry) => entry.Score is double score ? run.Metric.ToLoss(score) : double.PositiveInfinity;

    /// <summary>One line for the store: our own errors as they are, others with their type.</summary>
    private static string Describe(Exception? error) => error switch
    {
        null => "the trial ended without a result",
        PipelineException p => FirstLine(p.Message),
        _ => $"{error.GetType().Name}: {FirstLine(error.Message)}",
    };

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd('\r');
}
