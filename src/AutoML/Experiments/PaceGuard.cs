namespace Pipelines.AutoML.Experiments;

/// <summary>
/// Keeps trials to what the search's deadline affords, so their slots go to trials that can finish: at the deadline
/// they would be cancelled anyway and their work lost. A trial's folds cost about the same, except the first, which
/// also pays for loading and compiling the learner's code. So a trial's need is projected from its first fold's time
/// and, once two folds are done, the pace of the later ones; before its first fold ends, from the time so far as a
/// lower bound on that fold. A projection fits when it exceeds the time from the trial's start to the deadline by at
/// most a tenth of the budget, and by the whole time again while it rests on the first fold alone. So a slow first
/// fold does not end a trial, nor does the deadline's approach end one started moments before it (the deadline's
/// cancellation does). Where the k-fold is repeated and all its repeats do not fit, the trial is limited to the most
/// whole repeats that do (each repeat predicts every row, so its out-of-fold predictions are complete; on small data
/// under a short budget the slower learners' library-defaults trials would otherwise fail); when not even the repeat
/// under way fits, it is stopped. Without a time budget (a search bounded by trials alone) it does nothing.
/// </summary>
internal sealed class PaceGuard(int folds, TimeSpan? budget, int repeats = 1)
{
    // The elapsed seconds of each running trial when its first fold was first seen done.
    private readonly Dictionary<int, double> _firstFold = [];
    private readonly int _foldsPerRepeat = folds / repeats;

    /// <summary>What to do with the running trials that cannot run all they would now: limit their repeats, or stop them.</summary>
    public IEnumerable<(RunningTrial Trial, PaceVerdict Verdict)> Check(IReadOnlyList<RunningTrial> running, TimeSpan now, TimeSpan? deadline)
    {
        if (deadline is not { } end || now >= end) yield break;
        foreach (var trial in running)
        {
            if (trial.Task.IsCompleted || trial.StopReason is not null) continue;
            var elapsed = trial.Seconds;
            var verdict = Verdict(trial.Trial.Id, trial.Progress.FoldsDone, elapsed, (end - now).TotalSeconds + elapsed, trial.Progress.RepeatLimit);
            if (verdict is { } v) yield return (trial, v);
        }
    }

    /// <summary>
    /// What trial <paramref name="id"/> must do, or null when what it runs now fits: <paramref name="done"/> folds
    /// finished in <paramref name="elapsed"/> seconds, <paramref name="available"/> seconds from its start to the
    /// deadline, and at most <paramref name="repeatLimit"/> repeats allowed so far.
    /// </summary>
    internal PaceVerdict? Verdict(int id, int done, double elapsed, double available, int repeatLimit = int.MaxValue)
    {
        if (budget is not { } total) return null;
        if (done >= 1) _firstFold.TryAdd(id, elapsed);
        double Projected(int n) => done switch
        {
            0 => elapsed * n,
            1 => _firstFold[id] * n,
            _ => _firstFold[id] + (n - 1) * (elapsed - _firstFold[id]) / (done - 1),
        };
        var allowed = available + (done <= 1 ? available : 0) + 0.1 * total.TotalSeconds;
        var limit = Math.Min(repeats, repeatLimit);
        if (done >= limit * _foldsPerRepeat) return null;
        var full = Projected(folds);
        // The repeat under way is finished whatever the limit: the trial checks it at the end of each repeat.
        for (var r = limit; r >= done / _foldsPerRepeat + 1; r--)
        {
            if (Projected(r * _foldsPerRepeat) > allowed) continue;
            return r == limit ? null : new PaceVerdict(r, full,
                $"all {folds} folds would need about {full:0} s, more than the {available:0} s from its start to the end of the search");
        }
        var need = Projected(limit * _foldsPerRepeat);
        return new PaceVerdict(0, full,
            $"stopped early: {done} of {limit * _foldsPerRepeat} folds took {elapsed:0.#} s, so the trial needs about {need:0} s, " +
            $"more than the {available:0} s from its start to the end of the search (a longer --time gives it room)");
    }
}

/// <summary>
/// The pace guard's decision for a trial: run only <paramref name="Repeats"/> repeats of the folds, or stop (0).
/// <paramref name="Projected"/> is the seconds all its folds were projected to need (the cost the tuner is told);
/// <paramref name="Reason"/> the failure to record when it stops, or why its repeats were limited.
/// </summary>
internal readonly record struct PaceVerdict(int Repeats, double Projected, string Reason)
{
    /// <summary>True when the trial is stopped rather than limited.</summary>
    public bool Stops => Repeats == 0;
}
