using Pipelines.Data;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Tuners;

/// <summary>
/// FLAML's sample-size growth: search starts on a stratified sample of <c>initial</c> rows (all rows if fewer) and the
/// sample grows ×<c>factor</c> (capped at all rows) each time a learner's search converges at the current size, so
/// cheap early trials explore and later trials confirm on more data. Samples come from
/// <see cref="Split.TrainTest"/> (stratified by class, or by label quantile bins for regression), never "the first N rows".
/// </summary>
public sealed class SampleSizeSchedule
{
    /// <param name="totalRows">Rows available for training.</param>
    /// <param name="initial">The first sample size (FLAML: 10,000).</param>
    /// <param name="factor">Growth factor (FLAML: 4).</param>
    public SampleSizeSchedule(int totalRows, int initial = 10_000, int factor = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(totalRows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(initial, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 2);
        TotalRows = totalRows;
        Factor = factor;
        Current = Math.Min(initial, totalRows);
    }

    public int TotalRows { get; }
    public int Factor { get; }

    /// <summary>The sample size trials use now.</summary>
    public int Current { get; private set; }

    /// <summary>True once the sample is all rows.</summary>
    public bool IsFull => Current == TotalRows;

    /// <summary>Grows the sample ×<see cref="Factor"/> (at most all rows); false when it was already full.</summary>
    public bool Grow()
    {
        if (IsFull) return false;
        Current = (int)Math.Min((long)Current * Factor, TotalRows);
        return true;
    }

    /// <summary>
    /// Rows every class keeps in a sample (all of its rows when it has fewer): a class cut to its proportional share
    /// of a sample can drop to a handful of rows, too few for a tree's leaf or a tuned decision rule, and metrics such as
    /// macro-F1 weigh it as much as the largest class.
    /// </summary>
    public const int MinRowsPerClass = 100;

    /// <summary>
    /// A stratified sample of about <paramref name="size"/> of <paramref name="rows"/> of <paramref name="data"/> (each
    /// class keeps its share, and at least <see cref="MinRowsPerClass"/> rows; in the order given), or
    /// <paramref name="rows"/> itself when the size covers them all. It is drawn on the label alone, so only the sampled
    /// rows are ever copied: a trial on 10,000 of millions of rows does not copy the millions.
    /// </summary>
    public static int[] SampleRows(DataFrame data, int[] rows, int size, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        if (size >= rows.Length) return rows;
        // The strata are the label's, so the label is all the draw needs.
        var labelOnly = data.Label is { } label ? data.WithColumns([label]) : data;
        var kept = Split.Sample(labelOnly.Take(rows), size, MinRowsPerClass, seed);
        var result = new int[kept.Length];
        for (var i = 0; i < kept.Length; i++) result[i] = rows[kept[i]];
        return result;
    }
}
