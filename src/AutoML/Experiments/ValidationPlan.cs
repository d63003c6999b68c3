using Pipelines.Data;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Experiments;

/// <summary>
/// How trials are validated: fixed, seeded folds over the training rows, shared by every trial so their out-of-fold
/// predictions cover the same rows in the same order (what ensembling needs). Stratified k-fold on small and mid-sized
/// data; one stratified holdout on large data, where k fits cost more than the extra estimate is worth (FLAML's rule),
/// and the k-fold's first fold alone where a time-bounded search cannot afford k fits per trial (<see cref="KFoldProbe"/>).
/// On small data the k-fold is repeated with different shuffles and each row's predictions are averaged over the
/// repeats (AutoGluon's repeated bagging): there a single partition's luck is a large part of a trial's score, and a
/// search that runs thousands of cheap trials would otherwise select for it.
/// </summary>
public sealed class ValidationPlan
{
    /// <summary>Rows × features up to which k-fold is used when the fold count is left to the plan.</summary>
    public const long CrossValidationCells = 10_000_000;

    /// <summary>Rows up to which k-fold is used when the fold count is left to the plan.</summary>
    public const int CrossValidationRows = 100_000;

    /// <summary>Rows up to which the k-fold is repeated <see cref="SmallDataRepeats"/> times when repeats are left to the plan.</summary>
    public const int RepeatedRows = 1_000;

    /// <summary>Repeats of the k-fold on data of at most <see cref="RepeatedRows"/> rows.</summary>
    public const int SmallDataRepeats = 3;

    private ValidationPlan(IReadOnlyList<Fold> folds, int rowCount, int repeats)
    {
        Folds = folds;
        RowCount = rowCount;
        Repeats = repeats;
        var rows = folds.Take(folds.Count / repeats).SelectMany(f => f.Test).ToArray();
        Array.Sort(rows);
        ValidationRows = rows;
        Position = new int[rowCount];
        Array.Fill(Position, -1);
        for (var i = 0; i < rows.Length; i++) Position[rows[i]] = i;
    }

    /// <summary>The folds, repeat after repeat; each validation row is in exactly one test part per repeat.</summary>
    public IReadOnlyList<Fold> Folds { get; }

    /// <summary>How many times the k-fold is run (with different shuffles); out-of-fold predictions average over them.</summary>
    public int Repeats { get; }

    /// <summary>Folds per repeat.</summary>
    public int FoldsPerRepeat => Folds.Count / Repeats;

    /// <summary>
    /// Estimated seconds of a trial's final refit (one fit on all rows per model seed, <see cref="ModelSeeds"/>) per
    /// second of the trial: a trial is Repeats × k fits on (k − 1)/k of the rows, so about Repeats × (k − 1) fits on
    /// all rows, of which the refit is Repeats; a holdout trial fits its training part once.
    /// </summary>
    public double RefitPerTrialSecond => IsHoldout ? RowCount / (double)Math.Max(1, Folds[0].Train.Length) : Repeats / (double)Math.Max(1, Folds.Count - Repeats);

    /// <summary>
    /// The model seed of fold <paramref name="fold"/>: the experiment's <paramref name="seed"/> plus the fold's repeat.
    /// Each repeat's models then differ in their randomness as well as their rows, so a row's averaged out-of-fold
    /// prediction measures an average of differently seeded models, which is what the final refit ships (one model per
    /// seed, <see cref="ModelSeeds"/>). Without repeats every fold uses <paramref name="seed"/>.
    /// </summary>
    public int ModelSeed(int seed, int fold) => unchecked(seed + fold / FoldsPerRepeat);

    /// <summary>The model seeds of the repeats, in order: the final refit fits one model per seed.</summary>
    public IReadOnlyList<int> ModelSeeds(int seed) => [.. Enumerable.Range(0, Repeats).Select(r => unchecked(seed + r))];

    /// <summary>Rows of the training data.</summary>
    public int RowCount { get; }

    /// <summary>The rows that get out-of-fold predictions, ascending: every row for k-fold, the holdout for holdout.</summary>
    public IReadOnlyList<int> ValidationRows { get; }

    /// <summary>True for a single holdout split.</summary>
    public bool IsHoldout => Folds.Count == 1;

    /// <summary>Position of each training row in <see cref="ValidationRows"/>, -1 when it is never validated.</summary>
    internal int[] Position { get; }

    /// <summary>
    /// This plan's first fold alone, as a holdout: its validation rows are the first fold's test part, so a trial's
    /// holdout model is the same fit as its first fold under this plan.
    /// </summary>
    public ValidationPlan FirstFoldOnly() => IsHoldout ? this : new ValidationPlan([Folds[0]], RowCount, 1) { FirstFoldOf = FoldsPerRepeat };

    /// <summary>Folds of the k-fold whose first fold this holdout is (<see cref="FirstFoldOnly"/>); null otherwise.</summary>
    public int? FirstFoldOf { get; private init; }

    /// <summary>
    /// The plan for <paramref name="data"/>: <paramref name="folds"/> stratified folds (at least 2), or 1 for a 10%
    /// stratified holdout, or null to choose: 5 folds while the data is under <see cref="CrossValidationRows"/> rows and
    /// <see cref="CrossValidationCells"/> cells, else holdout. Fewer folds are used when the rarest class has fewer rows.
    /// k-fold runs <paramref name="repeats"/> times, or when null <see cref="SmallDataRepeats"/> times up to
    /// <see cref="RepeatedRows"/> rows and once above; a holdout runs once.
    /// </summary>
    public static ValidationPlan Create(DataFrame data, int? folds, int seed, int? repeats = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (folds is < 1) throw new ArgumentOutOfRangeException(nameof(folds), folds, "Folds are 1 (holdout) or more.");
        if (repeats is < 1) throw new ArgumentOutOfRangeException(nameof(repeats), repeats, "Repeats are 1 or more.");
        var k = folds ?? (data.RowCount <= CrossValidationRows && (long)data.RowCount * data.ColumnCount <= CrossValidationCells ? 5 : 1);
        if (k == 1) return new ValidationPlan([Split.TrainTest(data, 0.1, seed)], data.RowCount, 1);
        if (data.Label is CategoricalColumn label)
        {
            var rarest = label.CountPerCategory().Where(n => n > 0).DefaultIfEmpty(data.RowCount).Min();
            k = Math.Max(2, Math.Min(k, rarest));
        }
        var r = repeats ?? (data.RowCount <= RepeatedRows ? SmallDataRepeats : 1);
        // The first repeat is the plain k-fold of this seed; later ones shuffle with seeds derived from it.
        var all = Enumerable.Range(0, r).SelectMany(i => Split.StratifiedKFold(data, k, unchecked(seed + 1_000_003 * i))).ToArray();
        return new ValidationPlan(all, data.RowCount, r);
    }
}
