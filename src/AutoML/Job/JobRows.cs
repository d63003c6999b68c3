using Pipelines.Data;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Job;

/// <summary>
/// The job's rows, held in one place so the whole frame is not alive beside the search's copy of most of it. Split for
/// a holdout, the rows become the search's part and the held-out part and the whole is let go; it is rebuilt from the
/// two parts, in the file's row order, when the job asks for every row again after the search. At millions of rows
/// the whole beside the search's part was three quarters of the data's size more at the search's peak.
/// </summary>
internal sealed class JobRows(DataFrame all)
{
    private DataFrame? _all = all;
    private (Fold Split, DataFrame Train, DataFrame Test)? _parts;

    /// <summary>Rows of the data.</summary>
    public int RowCount { get; } = all.RowCount;

    /// <summary>Every row, in the file's order.</summary>
    public DataFrame All => _all ??= Rejoin();

    /// <summary>The search's rows of <paramref name="split"/>; the whole is let go until <see cref="All"/> is asked for again.</summary>
    public DataFrame Split(Fold split)
    {
        ArgumentNullException.ThrowIfNull(split);
        var all = All;
        _parts = (split, all.Take(split.Train), all.Take(split.Test));
        _all = null;
        return _parts.Value.Train;
    }

    private DataFrame Rejoin()
    {
        var (split, train, test) = _parts!.Value;
        _parts = null;
        // Row r of the file is at position[r] of the search's rows followed by the held-out rows.
        var position = new int[RowCount];
        for (var i = 0; i < split.Train.Length; i++) position[split.Train[i]] = i;
        for (var i = 0; i < split.Test.Length; i++) position[split.Test[i]] = split.Train.Length + i;
        // Column by column, letting each part's column go once it is rejoined: the whole and both parts are never all
        // alive at once, only the rejoined columns, the parts' columns still to do and one joined column.
        var (label, weight) = (train.LabelName, train.WeightName);
        Column?[] trainColumns = [.. train.Columns], testColumns = [.. test.Columns];
        train = test = null!;
        var rejoined = new Column[trainColumns.Length];
        for (var i = 0; i < rejoined.Length; i++)
        {
            var joined = new DataFrame([trainColumns[i]!]).AppendRows(new DataFrame([testColumns[i]!]));
            trainColumns[i] = testColumns[i] = null;
            rejoined[i] = joined.Take(position).Columns[0];
        }
        return new DataFrame(rejoined, label, weight);
    }
}
