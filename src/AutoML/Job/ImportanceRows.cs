using Pipelines.AutoML.Experiments;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Job;

/// <summary>The model and rows the report's permutation importance shuffles: <see cref="Frame"/> holds rows <see cref="Rows"/> of <see cref="Target"/>.</summary>
internal sealed record ImportanceRows(string Description, ITransformer Model, DataFrame Frame, ExperimentTarget Target, IReadOnlyList<int> Rows)
{
    /// <summary>The rows <see cref="Description"/> speaks of: <see cref="Frame"/>'s, or more when the frame is a sample of them.</summary>
    public int DescribedRows { get; init; } = Frame.RowCount;

    /// <summary>At most <paramref name="count"/> of the rows (a stratified sample, seeded), or these when there are no more.</summary>
    public ImportanceRows AtMost(int count, int seed)
    {
        if (Frame.RowCount <= count) return this;
        var kept = Split.AtMost(Frame, count, seed);
        return this with { Frame = Frame.Take(kept), Rows = [.. kept.Select(i => Rows[i])] };
    }
}
