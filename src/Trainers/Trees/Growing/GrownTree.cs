using Pipelines.Trainers.Trees.Binning;
using Pipelines.Trainers.Trees.Splitting;

namespace Pipelines.Trainers.Trees.Growing;

/// <summary>One node of a tree while training: a split over bins, or a leaf (Split null) with its value.</summary>
internal sealed class GrownNode(NodeStats stats, int depth)
{
    public NodeStats Stats { get; } = stats;
    public int Depth { get; } = depth;
    public SplitInfo? Split { get; set; }
    public int Left { get; set; } = -1;
    public int Right { get; set; } = -1;
    public double Value { get; set; }

    /// <summary>The L2 a boosted tree's leaf value takes here: that of the split that made the node (TreeGrower).</summary>
    public double L2 { get; init; }

    /// <summary>Leaves only: where the leaf's rows sit in the partition.</summary>
    public int Start { get; set; }
    public int Count { get; set; }
}

/// <summary>A tree as grown: nodes over bins (node 0 is the root), walked with binned rows.</summary>
internal sealed class GrownTree(IReadOnlyList<GrownNode> nodes)
{
    public IReadOnlyList<GrownNode> Nodes { get; } = nodes;

    public IEnumerable<GrownNode> Leaves => Nodes.Where(n => n.Split is null);

    /// <summary>The leaf value for row <paramref name="row"/> of <paramref name="data"/>.</summary>
    public double Predict(BinnedMatrix data, int row)
    {
        var node = Nodes[0];
        while (node.Split is { } split)
        {
            var bin = data.Bins[(split.Feature * data.Rows) + row];
            node = Nodes[split.GoesLeft(bin, data.Features[split.Feature].MissingBin) ? node.Left : node.Right];
        }
        return node.Value;
    }
}
