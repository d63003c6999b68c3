using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Store;
using Pipelines.AutoML.Tuners;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Experiments;

/// <summary>
/// The study's trials as the run knows them: the latest entry of each, the tuner's proposals awaiting a report, the
/// best score, and the out-of-fold predictions of the best <see cref="KeptOutOfFold"/> trials, each learner's best
/// <see cref="KeptPerLearner"/> among them (what ensembling picks from; the rest are dropped to bound memory, and from the
/// store too, so its size does not grow with the trials' predictions; the learners' library-defaults trials always keep theirs). Writes through to the store when there is one. Equal scores are
/// common on small data with metrics of the predicted class; a tie-break on the out-of-fold predictions (log loss,
/// lower wins) then ranks them, and the lowest id after that.
/// </summary>
internal sealed class TrialBook(string study, ITrialStore? store, Metric metric, int totalRows, Func<float[], double>? tieBreak = null, Func<TrialEntry, bool>? isLibraryDefault = null)
{
    /// <summary>Out-of-fold predictions kept in memory for ensembling.</summary>
    public const int KeptOutOfFold = 64;

    /// <summary>Out-of-fold predictions kept for each learner's best trials whatever their overall rank.</summary>
    public const int KeptPerLearner = 3;

    private readonly SortedDictionary<int, TrialEntry> _entries = [];
    private readonly Dictionary<int, Trial> _proposals = [];
    private readonly Dictionary<int, float[]> _outOfFold = [];
    private readonly Dictionary<int, double> _tieBreaks = [];
    private readonly Dictionary<string, TrialEntry> _bestPerLearner = new(StringComparer.Ordinal);
    private readonly HashSet<int> _libraryDefaults = [];

    public string Study => study;

    /// <summary>Every trial of the study, by id, without out-of-fold predictions.</summary>
    public IReadOnlyList<TrialEntry> Entries => [.. _entries.Values];

    /// <summary>The latest entry of trial <paramref name="id"/>.</summary>
    public TrialEntry Entry(int id) => _entries[id];

    public int FinishedCount => _entries.Values.Count(e => e.Status is TrialStatus.Succeeded or TrialStatus.Failed);

    /// <summary>The best succeeded trial so far (on equal scores the lower tie-break, then the lowest id), or null: the best of <see cref="BestPerLearner"/>.</summary>
    public TrialEntry? Best => _bestPerLearner.Count == 0 ? null : _bestPerLearner.Values.Aggregate((a, b) => Ranks(a, b) < 0 ? a : b);

    public double? BestScore => Best?.Score;

    /// <summary>
    /// The best succeeded trial whose out-of-fold predictions are kept, other than <paramref name="excluded"/> (ranked as
    /// <see cref="Best"/>), or null: where the final model turns when the best trial's refit fails.
    /// </summary>
    public TrialEntry? BestKept(IReadOnlySet<int> excluded) =>
        _outOfFold.Keys.Where(id => !excluded.Contains(id)).Select(id => _entries[id]).Where(e => e.Score is not null)
            .Aggregate((TrialEntry?)null, (a, b) => a is null || Ranks(b, a) < 0 ? b : a);

    /// <summary>Each learner's best succeeded trial so far (ranked as <see cref="Best"/>), kept as entries arrive.</summary>
    public IReadOnlyCollection<TrialEntry> BestPerLearner => _bestPerLearner.Values;

    /// <summary>The succeeded trials of the learners' library defaults (their predictions are always kept: the small-data portfolio blends them).</summary>
    public IReadOnlyCollection<int> LibraryDefaults => _libraryDefaults;

    /// <summary>The kept out-of-fold predictions of succeeded trials, by trial id (the best trial's always among them).</summary>
    public IReadOnlyDictionary<int, float[]> OutOfFold => _outOfFold;

    /// <summary>The tie-break value of succeeded trial <paramref name="id"/> (its out-of-fold log loss), or NaN when there is none.</summary>
    public double TieBreak(int id) => _tieBreaks.GetValueOrDefault(id, double.NaN);

    /// <summary>True when <paramref name="entry"/> trained on all rows (not a sample), so its refit behaves as its folds did.</summary>
    public bool UsedAllRows(TrialEntry entry) => entry.SampleSize is not int n || n >= totalRows;

    /// <summary>
    /// The kept trials an ensemble may blend, by id: those that trained on the most rows any kept trial did. That is all
    /// rows unless the search never grew its sample so far (on large data every trial may train on a sample). Their
    /// out-of-fold predictions then come from models of one size, so the selection weighs like with like, and their
    /// refits on all rows grow alike; a smaller sample's model would be judged by predictions its refit no longer makes.
    /// </summary>
    public IReadOnlyList<TrialEntry> EnsembleCandidates()
    {
        var kept = _outOfFold.Keys.Select(id => _entries[id]).ToArray();
        if (kept.Length == 0) return [];
        var most = kept.Max(TrainingRows);
        return [.. kept.Where(e => TrainingRows(e) == most).OrderBy(e => e.Id)];
    }

    private int TrainingRows(TrialEntry entry) => entry.SampleSize is int n && n < totalRows ? n : totalRows;

    /// <summary>The learner a trial uses: the ECI tuner's, or the "learner" parameter.</summary>
    public static string? LearnerOf(Trial trial) =>
        trial.Learner ?? (trial.Parameters.Contains(SearchSpaceCatalog.Learner) ? trial.Parameters.GetString(SearchSpaceCatalog.Learner) : null);

    /// <summary>The Running entry of a trial that starts now.</summary>
    public TrialEntry Started(Trial trial, int proposedAfter, DateTimeOffset at)
    {
        _proposals[trial.Id] = trial;
        return new TrialEntry(trial.Id, LearnerOf(trial), trial.Parameters.ToJsonNode(), trial.SampleSize, TrialStatus.Running,
            Score: null, FoldScores: [], Seconds: 0, Error: null, proposedAfter, ReportOrder: null, at, FinishedAt: null);
    }

    /// <summary>The proposal behind trial <paramref name="id"/>.</summary>
    public Trial Proposal(int id) => _proposals[id];

    /// <summary>Records a stored trial replayed into the tuner (no store write).</summary>
    public void Restore(Trial trial, TrialEntry entry)
    {
        _proposals[trial.Id] = trial;
        Keep(entry);
    }

    /// <summary>Records and stores <paramref name="entry"/>.</summary>
    public void Save(TrialEntry entry)
    {
        store?.Save(study, entry);
        Keep(entry);
    }

    private void Keep(TrialEntry entry)
    {
        _entries[entry.Id] = entry with { OutOfFold = null };
        if (entry is { Status: TrialStatus.Succeeded, OutOfFold: { } scored } && tieBreak is not null) _tieBreaks[entry.Id] = tieBreak(scored);
        if (entry is { Status: TrialStatus.Succeeded, Score: not null }
            && (!_bestPerLearner.TryGetValue(entry.Learner ?? "", out var learnerBest) || learnerBest.Id == entry.Id || Ranks(entry, learnerBest) < 0))
            _bestPerLearner[entry.Learner ?? ""] = _entries[entry.Id];
        if (entry is not { Status: TrialStatus.Succeeded, OutOfFold: { } predictions }) return;
        _outOfFold[entry.Id] = predictions;
        if (isLibraryDefault?.Invoke(entry) == true) _libraryDefaults.Add(entry.Id);
        if (_outOfFold.Count <= KeptOutOfFold) return;
        // The lowest-ranked kept trial that is neither the best (the final model needs its predictions) nor among its
        // learner's best few (so the ensemble can still blend model families).
        var kept = _outOfFold.Keys.Select(id => _entries[id]).ToArray();
        var protectedIds = kept.GroupBy(e => e.Learner).SelectMany(g => g.Order(Comparer<TrialEntry>.Create(Ranks)).Take(KeptPerLearner)).Select(e => e.Id).ToHashSet();
        var best = Best!.Id;
        protectedIds.Add(best);
        protectedIds.UnionWith(_libraryDefaults);
        var worst = kept.Where(e => !protectedIds.Contains(e.Id)).DefaultIfEmpty(kept.Where(e => e.Id != best).First())
            .Aggregate((a, b) => Ranks(a, b) < 0 ? b : a);
        _outOfFold.Remove(worst.Id);
        store?.DropOutOfFold(study, worst.Id);
    }

    /// <summary>
    /// Negative when succeeded trial <paramref name="a"/> ranks above <paramref name="b"/>: better score, then lower
    /// tie-break, then lower id. A trial without a tie-break (its predictions were dropped from the store, so a resumed
    /// run has none) ranks below an equal score with one: it was dropped for ranking low, and resuming must not lift it.
    /// </summary>
    private int Ranks(TrialEntry a, TrialEntry b)
    {
        double sa = a.Score!.Value, sb = b.Score!.Value;
        if (metric.IsBetter(sa, sb)) return -1;
        if (metric.IsBetter(sb, sa)) return 1;
        var ta = TieBreak(a.Id);
        var tb = TieBreak(b.Id);
        if (ta < tb) return -1;
        if (tb < ta) return 1;
        if (double.IsNaN(ta) != double.IsNaN(tb)) return double.IsNaN(ta) ? 1 : -1;
        return a.Id.CompareTo(b.Id);
    }
}
