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
    /// <returns>The unfinished trials, proposed again, with the report count they were proposed after.</returns>
    public static List<(Trial Trial, int ProposedAfter)> Run(ITuner tuner, IReadOnlyList<TrialEntry> stored, Action<Trial, TrialEntry> report, string study)
    {
        var byId = stored.OrderBy(t => t.Id).ToArray();
        for (var i = 0; i < byId.Length; i++)
        {
            if (byId[i].Id != i) throw Broken(study, $"trial ids are not 0..{byId.Length - 1} (trial {i} is missing)");
        }
        var finished = byId.Where(t => t.ReportOrder is not null).OrderBy(t => t.ReportOrder).ToArray();
        var proposed = new Dictionary<int, Trial>();
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
        return [.. proposed.Values.OrderBy(t => t.Id).Select(t => (t, byId[t.Id].ProposedAfter))];
    }

    private static TrialStoreException Broken(string study, string problem) =>
        new($"Study '{study}' cannot be resumed: {problem}. Start a new study (another --study name or store file) to search again.");
}
