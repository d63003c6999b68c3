using System.Globalization;
using Pipelines.Data;
using Pipelines.IO;

namespace Pipelines.AutoML.Store;

/// <summary>
/// A study's trials ranked best first: succeeded trials by score in the study's direction (NaN scores last), ties
/// broken by fewer seconds, then the lower id. Failed and cancelled trials follow unranked, by id; running and queued
/// ones are only counted (they are in flight or waiting for a worker, or their process died and a resumed run repeats them).
/// </summary>
public sealed class Leaderboard
{
    private static readonly string[] CsvColumns =
        ["rank", "trial", "learner", "score", "fold_mean", "fold_std", "seconds", "sample_size", "status", "parameters", "error"];

    public Leaderboard(StudySpec study, IReadOnlyList<TrialEntry> trials)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(trials);
        Study = study;
        var succeeded = trials.Where(t => t.Status == TrialStatus.Succeeded).ToList();
        succeeded.Sort(new BestFirst(study.HigherIsBetter));
        Ranked = [.. succeeded.Select((t, i) => Row(t, i + 1))];
        Unranked = [.. trials.Where(t => t.Status is TrialStatus.Failed or TrialStatus.Cancelled).OrderBy(t => t.Id).Select(t => Row(t, null))];
        Failed = trials.Count(t => t.Status == TrialStatus.Failed);
        Cancelled = trials.Count(t => t.Status == TrialStatus.Cancelled);
        Running = trials.Count(t => t.Status == TrialStatus.Running);
        Queued = trials.Count(t => t.Status == TrialStatus.Queued);
    }

    /// <summary>The leaderboard of <paramref name="study"/> in <paramref name="store"/>; throws <see cref="TrialStoreException"/> when the store has no such study.</summary>
    public static Leaderboard Load(ITrialStore store, string study)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(study);
        var spec = store.FindStudy(study) ?? throw new TrialStoreException(
            $"Study '{study}' is not in trial store {store}; studies there: {string.Join(", ", store.Studies().Select(s => s.Name).DefaultIfEmpty("none"))}.");
        return new Leaderboard(spec, store.Trials(study));
    }

    public StudySpec Study { get; }

    /// <summary>Succeeded trials, best first, ranked 1, 2, ...</summary>
    public IReadOnlyList<LeaderboardRow> Ranked { get; }

    /// <summary>Failed and cancelled trials by id, with their errors.</summary>
    public IReadOnlyList<LeaderboardRow> Unranked { get; }

    /// <summary>The best trial, or null when none succeeded.</summary>
    public LeaderboardRow? Best => Ranked.Count > 0 ? Ranked[0] : null;

    public int Failed { get; }
    public int Cancelled { get; }
    public int Running { get; }

    /// <summary>Trials waiting for a worker (studies run by workers).</summary>
    public int Queued { get; }

    /// <summary>The first <paramref name="count"/> ranked rows (fewer when fewer succeeded).</summary>
    public IReadOnlyList<LeaderboardRow> Top(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return [.. Ranked.Take(count)];
    }

    /// <summary>
    /// Writes the ranked rows, then the unranked ones, as CSV to <paramref name="path"/> atomically. Columns:
    /// rank, trial, learner, score, fold_mean, fold_std, seconds, sample_size, status, parameters, error; numbers in
    /// shortest round-trip form, missing values (no rank, NaN) as empty fields.
    /// </summary>
    public void WriteCsv(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var rows = Ranked.Concat(Unranked).ToList();
        var cells = CsvColumns.Select(_ => new string?[rows.Count]).ToArray();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            string?[] values =
            [
                Number(row.Rank), Number(row.Trial), row.Learner, Number(row.Score), Number(row.FoldMean), Number(row.FoldStd),
                Number(row.Seconds), Number(row.SampleSize), row.Status.ToString().ToLowerInvariant(), row.Parameters, row.Error,
            ];
            for (var j = 0; j < values.Length; j++) cells[j][i] = values[j];
        }
        CsvWriter.Write(new DataFrame(CsvColumns.Select((name, j) => new TextColumn(name, cells[j]))), path);
    }

    private static LeaderboardRow Row(TrialEntry trial, int? rank)
    {
        var (mean, std) = FoldStatistics(trial.FoldScores);
        return new LeaderboardRow(rank, trial.Id, trial.Learner, trial.Status,
            trial.Status == TrialStatus.Succeeded ? trial.Score ?? double.NaN : null,
            mean, std, trial.Seconds, trial.SampleSize, ParameterSummary.Format(trial.Parameters, trial.Learner), trial.Error);
    }

    /// <summary>Mean and population standard deviation of the non-NaN fold scores; NaN for both when there are none.</summary>
    private static (double Mean, double Std) FoldStatistics(IReadOnlyList<double> scores)
    {
        var finite = scores.Where(s => !double.IsNaN(s)).ToArray();
        if (finite.Length == 0) return (double.NaN, double.NaN);
        var mean = finite.Average();
        var variance = finite.Sum(s => (s - mean) * (s - mean)) / finite.Length;
        return (mean, Math.Sqrt(variance));
    }

    private static string? Number(double? value) =>
        value is { } v && !double.IsNaN(v) ? v.ToString("R", CultureInfo.InvariantCulture) : null;

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Best score first (NaN last), then fewer seconds, then the lower id.</summary>
    private sealed class BestFirst(bool higherIsBetter) : IComparer<TrialEntry>
    {
        public int Compare(TrialEntry? x, TrialEntry? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            var a = x.Score ?? double.NaN;
            var b = y.Score ?? double.NaN;
            var byScore = (double.IsNaN(a), double.IsNaN(b)) switch
            {
                (true, true) => 0,
                (true, false) => 1,
                (false, true) => -1,
                _ => higherIsBetter ? b.CompareTo(a) : a.CompareTo(b),
            };
            if (byScore != 0) return byScore;
            var bySeconds = x.Seconds.CompareTo(y.Seconds);
            return bySeconds != 0 ? bySeconds : x.Id.CompareTo(y.Id);
        }
    }
}
