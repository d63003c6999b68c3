using Pipelines.Data;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Experiments;

/// <summary>
/// How trials are validated: fixed, seeded folds over the training rows, shared by every trial so their out-of-fold
/// predictions cover the same rows in the same order (what ensembling needs). Stratified k-fold on small and mid-sized
/// data; one stratified holdout on large data, where k fits cost more than the extra estimate is worth (FLAML's rule).
/// </summary>
public sealed class ValidationPlan
{
    /// <summary>Rows × features up to which k-fold is used when the fold count is left to the plan.</summary>
    public const long CrossValidationCells = 10_000_000;

    /// <summary>Rows up to which k-fold is used when the fold count is left to the plan.</summary>
    public const int CrossValidationRows = 100_000;

    private ValidationPlan(IReadOnlyList<Fold> folds, int rowCount)
    {
        Folds = folds;
        RowCount = rowCount;
        var rows = folds.SelectMany(f => f.Test).ToArray();
        Array.Sort(rows);
        ValidationRows = rows;
        Position = new int[rowCount];
        Array.Fill(Position, -1);
        for (var i = 0; i < rows.Length; i++) Position[rows[i]] = i;
    }

    /// <summary>The folds; each validation row is in exactly one fold's test part.</summary>
    public IReadOnlyList<Fold> Folds { get; }

    /// <summary>Rows of the training data.</summary>
    public int RowCount { get; }

    /// <summary>The rows that get out-of-fold predictions, ascending: every row for k-fold, the holdout for holdout.</summary>
    public IReadOnlyList<int> ValidationRows { get; }

    /// <summary>True for a single holdout split.</summary>
    public bool IsHoldout => Folds.Count == 1;

    /// <summary>Position of each training row in <see cref="ValidationRows"/>, -1 when it is never validated.</summary>
    internal int[] Position { get; }

    /// <summary>
    /// The plan for <paramref name="data"/>: <paramref name="folds"/> stratified folds (at least 2), or 1 for a 10%
    /// stratified holdout, or null to choose: 5 folds while the data is under <see cref="CrossValidationRows"/> rows and
    /// <see cref="CrossValidationCells"/> cells, else holdout. Fewer folds are used when the rarest class has fewer rows.
    /// </summary>
    public static ValidationPlan Create(DataFrame data, int? folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (folds is < 1) throw new ArgumentOutOfRangeException(nameof(folds), folds, "Folds are 1 (holdout) or more.");
        var k = folds ?? (data.RowCount <= CrossValidationRows && (long)data.RowCount * data.ColumnCount <= CrossValidationCells ? 5 : 1);
        if (k == 1) return new ValidationPlan([Split.TrainTest(data, 0.1, seed)], data.RowCount);
        if (data.Label is CategoricalColumn label)
        {
            var rarest = label.CountPerCategory().Where(n => n > 0).DefaultIfEmpty(data.RowCount).Min();
            k = Math.Max(2, Math.Min(k, rarest));
        }
        return new ValidationPlan(Split.StratifiedKFold(data, k, seed), data.RowCount);
    }
}
