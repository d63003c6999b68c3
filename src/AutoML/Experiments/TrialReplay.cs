using Pipelines.AutoML.Store;
using Pipelines.AutoML.Tuners;

namespace Pipelines.AutoML.Experiments;

/// <summary>
/// Brings a fresh tuner to where a stored study left off. Tuners are deterministic given the order of their
/// Propose and Report calls, and the store records that order (each trial's <see cref="TrialEntry.ProposedAfter"/>
/// and <see cref="TrialEntry.ReportOrder"/>), so replaying the calls with the stored losses and costs recreates the
/// tuner's state exactly, without running a finished trial again. Trials that never finished (the run was killed or
/// stopped) are proposed again by the replay and returned, to be run first.
/// </summary>
internal static class TrialReplay
{
    /// <param name="tuner">A new tuner built with the study's settings.</param>
    /// <param name="stored">The study's trials.</param>
    /// <param name="report">Reports a stored finished trial to the tuner (loss and cost as the original run did).</param>
    /// <param name="study">The study's name, for errors.</param>
    /// <param name="inFlight">
    /// In reproducible mode the trials in flight (proposed, not reported); new trials are then proposed during the replay
    /// at the point an uninterrupted run would have proposed them (as soon as fewer are in flight), up to
    /// <paramref name="maxTrials"/>. Null otherwise.
    /// </param>
    /// <param name="maxTrials">The study's trial cap.</param>
    /// <returns>
    /// The trials not yet reported, proposed again, with the report count they were proposed after and, when the trial
    /// did finish (its report was held back for id order), its stored result, which is reported again instead of re-running it.
    /// </returns>
    public static List<(Trial Trial, int ProposedAfter, TrialEntry? Finished)> Run(
        ITuner tuner, IReadOnlyList<TrialEntry> stored, Action<Trial, TrialEntry> report, string study, int? inFlight = null, int maxTrials = int.MaxValue)
    {
        var byId = stored.OrderBy(t => t.Id).ToArray();
        for (var i = 0; i < byId.Length; i++)
        {
            if (byId[i].Id != i) throw Broken(study, $"trial ids are not 0..{byId.Length - 1} (trial {i} is missing)");
        }
        var finished = byId.Where(t => t.ReportOrder is not null).OrderBy(t => t.ReportOrder).ToArray();
        var proposed = new Dictionary<int, Trial>();
        var fresh = new List<(Trial, int, TrialEntry?)>();
        var next = 0;
        var reports = 0;
        void ProposeUpTo(int done)
        {
            while (next < byId.Length && byId[next].ProposedAfter <= done)
            {
                var trial = tuner.Propose();
                var entry = byId[next];
                var now = trial.Parameters.ToJsonNode().ToJsonString();
                var then = entry.Parameters.ToJsonString();
                if (trial.Id != entry.Id || now != then)
                    throw Broken(study, $"replaying trial {entry.Id} proposed {now} where the store has {then}; the search space, tuner or code changed since the study was created");
                proposed[trial.Id] = trial;
                next++;
            }
            // Past the stored trials, an uninterrupted reproducible run proposes whenever fewer than the limit are in flight.
            while (next >= byId.Length && inFlight is int limit && proposed.Count < limit && next < maxTrials && !tuner.IsDone)
            {
                var trial = tuner.Propose();
                proposed[trial.Id] = trial;
                fresh.Add((trial, done, null));
                next++;
            }
        }
        foreach (var entry in finished)
        {
            ProposeUpTo(reports);
            if (entry.ReportOrder != reports || !proposed.Remove(entry.Id, out var trial))
                throw Broken(study, $"trial {entry.Id} was reported as number {entry.ReportOrder} before it was proposed");
            report(trial, entry);
            reports++;
        }
        ProposeUpTo(reports);
        if (next < byId.Length) throw Broken(study, $"trial {next} was proposed after {byId[next].ProposedAfter} reports but only {reports} are stored");
        var pending = proposed.Values.Where(t => t.Id < byId.Length).OrderBy(t => t.Id).Select(t => (t, byId[t.Id].ProposedAfter, Finished(byId[t.Id])));
        return [.. pending, .. fresh.Where(f => proposed.ContainsKey(f.Item1.Id))];
    }

    private static TrialEntry? Finished(TrialEntry entry) =>
        entry.Status is TrialStatus.Succeeded or TrialStatus.Failed ? entry : null;

    private static TrialStoreException Broken(string study, string problem) =>
        new($"Study '{study}' cannot be resumed: {problem}. Start a new study (another --study name or store file) to search again.");
}
