using Pipelines.Trainers.Trees.Binning;
using Pipelines.Trainers.Trees.Histograms;
using Pipelines.Trainers.Trees.Splitting;

namespace Pipelines.Trainers.Trees.Growing;

/// <summary>
/// Grows one tree leaf-wise (best-first, as LightGBM): the leaf whose best split gains most is split next, until
/// NumLeaves leaves or no leaf can split. After a split only the smaller child's histogram is built; the larger is the
/// parent's minus the smaller's. Building, subtracting and the split search run feature by feature in one parallel
/// loop, and the per-feature best splits are folded in feature order, so the tree does not depend on the thread count.
/// Leaf values are <c>learningRate * w</c> with w from <see cref="LeafMath.Value"/>, with L2, plus CatL2 under a split
/// that grouped categories (<see cref="SplitInfo.GroupsCategories"/>).
/// </summary>
internal sealed class TreeGrower
{
    private readonly BinnedMatrix _data;
    private readonly HistogramLayout _layout;
    private readonly HistogramBuilder _builder;
    private readonly SplitFinder _finder;
    private readonly GrowthParameters _parameters;
    private readonly ParallelOptions _parallel;
    private readonly RowPartition _partition;
    private readonly Stack<double[]> _pool = new();
    private readonly SplitInfo?[] _smallBest;
    private readonly SplitInfo?[] _largeBest;

    public TreeGrower(BinnedMatrix data, GrowthParameters parameters, ParallelOptions parallel)
    {
        _data = data;
        _parameters = parameters;
        _parallel = parallel;
        _layout = new HistogramLayout(data.Features);
        _builder = new HistogramBuilder(data, _layout, parallel);
        _finder = new SplitFinder(_layout, parameters.Split);
        _partition = new RowPartition(data.Rows, parallel);
        _smallBest = new SplitInfo?[data.FeatureCount];
        _largeBest = new SplitInfo?[data.FeatureCount];
    }

    /// <summary>The row partition after the last <see cref="Grow"/>: each leaf's rows are Rows[Start .. Start + Count).</summary>
    public RowPartition Partition => _partition;

    /// <summary>
    /// Grows a tree on <paramref name="rows"/> (ascending; all rows when <paramref name="rowsAreAll"/>) using only
    /// <paramref name="features"/>, for per-row gradients and hessians (sample weights already applied).
    /// </summary>
    public GrownTree Grow(float[] gradients, float[] hessians, int[] rows, bool rowsAreAll, int[] features, double learningRate)
    {
        var p = _parameters;
        _partition.Reset(rows);
        var nodes = new List<GrownNode>();
        var histograms = new Dictionary<int, double[]>();
        var queue = new PriorityQueue<int, (double, int)>();

        _builder.SetGradients(gradients, hessians);
        var rootHistogram = Rent();
        var (rootSplit, _) = BuildAndSearch(rootHistogram, null, 0, rows.Length, CanSplit(rows.Length, 0), false, features, rowsAreAll);
        nodes.Add(new GrownNode(SplitFinder.Totals(_layout.Of(rootHistogram, features[0])), 0) { Start = 0, Count = rows.Length, L2 = p.Split.L2 });
        histograms[0] = rootHistogram;
        Consider(0, rootSplit);

        var leaves = 1;
        while (leaves < p.NumLeaves && queue.TryDequeue(out var id, out _))
        {
            var node = nodes[id];
            var split = node.Split!;
            var column = _data.Column(split.Feature);
            var leftCount = _partition.Split(node.Start, node.Count, column, split.LeftTable(_data.Features[split.Feature].MissingBin));
            var l2 = split.GroupsCategories ? p.Split.L2 + p.Split.CatL2 : p.Split.L2;
            var left = new GrownNode(split.Left, node.Depth + 1) { Start = node.Start, Count = leftCount, L2 = l2 };
            var right = new GrownNode(split.Right, node.Depth + 1) { Start = node.Start + leftCount, Count = node.Count - leftCount, L2 = l2 };
            node.Left = nodes.Count;
            nodes.Add(left);
            node.Right = nodes.Count;
            nodes.Add(right);
            leaves++;

            var parentHistogram = histograms[id];
            histograms.Remove(id);
            if (leaves >= p.NumLeaves || (!CanSplit(left) && !CanSplit(right)))
            {
                _pool.Push(parentHistogram);
                continue;
            }
            var (small, large) = left.Count <= right.Count ? (node.Left, node.Right) : (node.Right, node.Left);
            var smallHistogram = Rent();
            var (smallSplit, largeSplit) = BuildAndSearch(
                smallHistogram, parentHistogram, nodes[small].Start, nodes[small].Count, CanSplit(nodes[small]), CanSplit(nodes[large]), features, false);
            histograms[small] = smallHistogram;
            histograms[large] = parentHistogram;
            Consider(small, smallSplit);
            Consider(large, largeSplit);
        }

        foreach (var h in histograms.Values) _pool.Push(h);
        foreach (var n in nodes)
        {
            if (n.Left >= 0) continue;
            n.Split = null;
            n.Value = learningRate * LeafMath.Value(n.Stats.G, n.Stats.H, p.Split.L1, n.L2);
        }
        return new GrownTree(nodes);

        // Queues the node if it has a split, else frees its histogram.
        void Consider(int node, SplitInfo? split)
        {
            if (split is null)
            {
                _pool.Push(histograms[node]);
                histograms.Remove(node);
                return;
            }
            nodes[node].Split = split;
            queue.Enqueue(node, (-split.Gain, node));
        }
    }

    /// <summary>
    /// Builds the histogram of the node holding partition rows [start, start + count) into <paramref name="smallHistogram"/>
    /// and finds its best split when <paramref name="searchSmall"/>; when <paramref name="searchLarge"/>, also turns
    /// <paramref name="parentHistogram"/> into its sibling's (parent minus this node) and finds that one's best split.
    /// Feature by feature, on all threads.
    /// </summary>
    private (SplitInfo? Small, SplitInfo? Large) BuildAndSearch(
        double[] smallHistogram, double[]? parentHistogram, int start, int count, bool searchSmall, bool searchLarge, int[] features, bool rowsAreAll)
    {
        _builder.Prepare(_partition.Rows, start, count, rowsAreAll);
        var items = _builder.WorkItems(features);
        if (_builder.IsSmall(features.Length))
        {
            for (var i = 0; i < items.Length; i++) Item(i);
        }
        else
        {
            Parallel.For(0, items.Length, _parallel, Item);
        }
        SplitInfo? bestSmall = null, bestLarge = null;
        for (var i = 0; i < features.Length; i++)
        {
            bestSmall = SplitFinder.Better(bestSmall, _smallBest[i]);
            bestLarge = SplitFinder.Better(bestLarge, _largeBest[i]);
        }
        return (bestSmall, bestLarge);

        void Item(int i)
        {
            var item = items[i];
            _builder.BuildItem(smallHistogram, features, item);
            for (var at = item.First; at < item.First + item.Count; at++)
            {
                var f = features[at];
                _smallBest[at] = searchSmall ? _finder.BestOf(smallHistogram, f) : null;
                _largeBest[at] = null;
                if (!searchLarge) continue;
                _builder.SubtractFeature(parentHistogram!, smallHistogram, f);
                _largeBest[at] = _finder.BestOf(parentHistogram!, f);
            }
        }
    }

    private bool CanSplit(GrownNode node) => CanSplit(node.Count, node.Depth);

    private bool CanSplit(int count, int depth) =>
        count >= 2 * _parameters.Split.MinChildSamples && count >= 2 && (_parameters.MaxDepth <= 0 || depth < _parameters.MaxDepth);

    private double[] Rent() => _pool.Count > 0 ? _pool.Pop() : new double[_layout.Length];
}
