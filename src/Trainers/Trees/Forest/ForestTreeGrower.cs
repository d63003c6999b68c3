using Pipelines.Trainers.Trees.Binning;
using Pipelines.Trainers.Trees.Growing;
using Pipelines.Trainers.Trees.Histograms;
using Pipelines.Trainers.Trees.Splitting;

namespace Pipelines.Trainers.Trees.Forest;

/// <summary>
/// How forest trees grow: depth limit (null: none), fewest rows per leaf, leaf limit (null: none), features per node,
/// random thresholds, and whether a node's histogram is built per visited feature (<see cref="ForestNodeHistogram"/>).
/// </summary>
internal sealed record ForestGrowth(int? MaxDepth, int MinSamplesLeaf, int? MaxLeaves, int MaxFeatures, bool RandomThresholds, bool HistogramsOnDemand)
{
    /// <summary>
    /// Per visited feature when at most a quarter of the features are drawn per node: then building the visited ones
    /// costs less than building (or subtracting and scanning) all of them.
    /// </summary>
    public static bool OnDemandPays(int maxFeatures, int features) => 4 * maxFeatures <= features;
}

/// <summary>A grown forest tree: its nodes over bins and, per node, K leaf values (node-major; zero at split nodes).</summary>
internal sealed record ForestGrownTree(GrownTree Tree, double[] LeafValues, int Outputs)
{
    /// <summary>The leaf that row <paramref name="row"/> of <paramref name="data"/> falls in.</summary>
    public int Leaf(BinnedMatrix data, int row)
    {
        var nodes = Tree.Nodes;
        var id = 0;
        while (nodes[id].Split is { } split)
        {
            var bin = data.Bins[(split.Feature * data.Rows) + row];
            id = split.GoesLeft(bin, data.Features[split.Feature].MissingBin) ? nodes[id].Left : nodes[id].Right;
        }
        return id;
    }
}

/// <summary>
/// Grows one forest tree on binned rows with the shared machinery: rows live in a <see cref="RowPartition"/>, each node
/// to split has a multi-output histogram (all features, the larger child's by subtraction; or, with
/// <see cref="ForestGrowth.HistogramsOnDemand"/>, only the features the splitter visits, built from the node's rows), and
/// <see cref="ForestSplitter"/> picks splits.
/// Without a leaf limit nodes are split depth-first (newest first), which keeps few histograms alive; with
/// <see cref="ForestGrowth.MaxLeaves"/> best-first by impurity decrease, as scikit-learn's max_leaf_nodes. Leaves hold
/// the weighted mean of each output over their rows: class shares, or the mean target. One instance per thread.
/// </summary>
internal sealed class ForestTreeGrower
{
    private readonly BinnedMatrix _data;
    private readonly HistogramLayout _layout;
    private readonly MultiOutputHistogram _builder;
    private readonly ForestNodeHistogram _node;
    private readonly ForestSplitter _splitter;
    private readonly ForestGrowth _growth;
    private readonly RowPartition _partition;
    private readonly Stack<double[]> _pool = new();

    public ForestTreeGrower(BinnedMatrix data, int outputs, ForestGrowth growth)
    {
        _data = data;
        _growth = growth;
        _layout = new HistogramLayout(data.Features, outputs);
        _builder = new MultiOutputHistogram(data, _layout);
        _node = new ForestNodeHistogram(_layout, _builder);
        _splitter = new ForestSplitter(_layout, growth.MinSamplesLeaf, growth.MaxFeatures, growth.RandomThresholds);
        _partition = new RowPartition(data.Rows);
    }

    /// <summary>Grows a tree on <paramref name="rows"/> (ascending, distinct) with the weights in <paramref name="targets"/>.</summary>
    public ForestGrownTree Grow(ForestTargets targets, int[] rows, Random random)
    {
        _partition.Reset(rows);
        var nodes = new List<GrownNode>();
        var histograms = new Dictionary<int, double[]>();
        var queue = new PriorityQueue<int, (double, int)>();
        var bestFirst = _growth.MaxLeaves is not null;
        var maxLeaves = _growth.MaxLeaves ?? int.MaxValue;

        var onDemand = _growth.HistogramsOnDemand;
        var root = new GrownNode(default, 0) { Start = 0, Count = rows.Length };
        nodes.Add(root);
        if (CanSplit(root))
        {
            if (!onDemand)
            {
                var h = Rent();
                _builder.Build(h, _partition.Rows, 0, rows.Length, targets);
                histograms[0] = h;
            }
            Consider(0);
        }

        var leaves = 1;
        while (leaves < maxLeaves && queue.TryDequeue(out var id, out _))
        {
            var node = nodes[id];
            var split = node.Split!;
            var leftCount = _partition.Split(node.Start, node.Count, _data.Column(split.Feature), split.LeftTable(_data.Features[split.Feature].MissingBin));
            var left = new GrownNode(split.Left, node.Depth + 1) { Start = node.Start, Count = leftCount };
            var right = new GrownNode(split.Right, node.Depth + 1) { Start = node.Start + leftCount, Count = node.Count - leftCount };
            node.Left = nodes.Count;
            nodes.Add(left);
            node.Right = nodes.Count;
            nodes.Add(right);
            leaves++;

            if (onDemand)
            {
                if (leaves >= maxLeaves) break;
                Consider(node.Left);
                Consider(node.Right);
                continue;
            }
            var parent = histograms[id];
            histograms.Remove(id);
            if (leaves >= maxLeaves || (!CanSplit(left) && !CanSplit(right)))
            {
                _pool.Push(parent);
                continue;
            }
            var (small, large) = left.Count <= right.Count ? (node.Left, node.Right) : (node.Right, node.Left);
            var smallHistogram = Rent();
            _builder.Build(smallHistogram, _partition.Rows, nodes[small].Start, nodes[small].Count, targets);
            HistogramBuilder.Subtract(parent, smallHistogram);
            histograms[small] = smallHistogram;
            histograms[large] = parent;
            Consider(node.Left);
            Consider(node.Right);
        }

        foreach (var h in histograms.Values) _pool.Push(h);
        var k = targets.Outputs;
        var values = new double[nodes.Count * k];
        for (var i = 0; i < nodes.Count; i++)
        {
            var n = nodes[i];
            if (n.Left >= 0) continue;
            n.Split = null;
            double w = 0;
            var leaf = values.AsSpan(i * k, k);
            foreach (var r in _partition.Rows.AsSpan(n.Start, n.Count))
            {
                leaf[targets.Channel[r]] += targets.Value[r];
                w += targets.Weight[r];
            }
            if (w > 0) foreach (ref var v in leaf) v /= w;
            n.Value = k == 1 ? leaf[0] : 0;
        }
        return new ForestGrownTree(new GrownTree(nodes), values, k);

        // Finds the node's split; queues the node if it has one, else frees its histogram.
        void Consider(int id)
        {
            var n = nodes[id];
            SplitInfo? split = null;
            if (CanSplit(n))
            {
                if (onDemand) _node.UseRows(_partition.Rows, n.Start, n.Count, targets);
                else _node.UseFull(histograms[id]);
                split = _splitter.Find(_node, random);
            }
            if (split is null)
            {
                if (!onDemand && histograms.Remove(id, out var histogram)) _pool.Push(histogram);
                return;
            }
            n.Split = split;
            queue.Enqueue(id, bestFirst ? (-split.Gain, id) : (0, -id));
        }
    }

    private bool CanSplit(GrownNode node) =>
        node.Count >= 2 * _growth.MinSamplesLeaf && node.Count >= 2 && (_growth.MaxDepth is not { } d || node.Depth < d);

    private double[] Rent() => _pool.Count > 0 ? _pool.Pop() : new double[_layout.Length];
}
