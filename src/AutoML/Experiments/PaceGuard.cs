namespace Pipelines.AutoML.Experiments;

/// <summary>
/// Stops the trials that cannot finish before the search's deadline, so their slots go to trials that can: at the
/// deadline they would be cancelled anyway and their work lost. A trial's folds cost about the same, except the first,
/// which also pays for loading and compiling the learner's code. So a trial's need is projected from its first fold's
/// time and, once two folds are done, the pace of the later ones; before its first fold ends, from the time so far as a
/// lower bound on that fold. A trial is stopped when the projection exceeds the time from its start to the deadline by
/// a tenth of the budget, and by the whole time again while the projection rests on the first fold alone. So a slow
/// first fold does not end a trial, nor does the deadline's approach end one started moments before it (the deadline's
/// cancellation does). Without a time budget (a search bounded by trials alone) it stops nothing.
/// </summary>
internal sealed class PaceGuard(int folds, TimeSpan? budget)
{
    // The elapsed seconds of each running trial when its first fold was first seen done.
    private readonly Dictionary<int, double> _firstFold = [];

    /// <summary>The running trials to stop now, each with the failure text to record and the seconds it was projected to need.</summary>
    public IEnumerable<(RunningTrial Trial, string Reason, double Projected)> Check(IReadOnlyList<RunningTrial> running, TimeSpan now, TimeSpan? deadline)
    {
        if (deadline is not { } end || now >= end) yield break;
        foreach (var trial in running)
        {
            if (trial.Task.IsCompleted || trial.StopReason is not null) continue;
            int done;
            lock (trial.FoldScores) done = trial.FoldScores.Count;
            var elapsed = trial.Seconds;
            if (Verdict(trial.Trial.Id, done, elapsed, (end - now).TotalSeconds + elapsed) is { } stop) yield return (trial, stop.Reason, stop.Projected);
        }
    }

    /// <summary>
    /// Why trial <paramref name="id"/> must stop and the seconds it would need, or null: <paramref name="done"/> folds
    /// finished in <paramref name="elapsed"/> seconds, <paramref name="available"/> seconds from its start to the deadline.
    /// </summary>
    internal (string Reason, double Projected)? Verdict(int id, int done, double elapsed, double available)
    {
        if (budget is not { } total) return null;
        if (done >= 1) _firstFold.TryAdd(id, elapsed);
        var (projected, margin) = done switch
        {
            0 => (elapsed * folds, available),
            1 => (_firstFold[id] * folds, available),
            _ => (_firstFold[id] + (folds - 1) * (elapsed - _firstFold[id]) / (done - 1), 0),
        };
        if (projected <= available + margin + 0.1 * total.TotalSeconds) return null;
        return ($"stopped early: {done} of {folds} folds took {elapsed:0.#} s, so the trial needs about {projected:0} s, " +
            $"more than the {available:0} s from its start to the end of the search (a longer --time gives it room)", projected);
    }
}
