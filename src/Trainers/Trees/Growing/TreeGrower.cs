using Pipelines.Trainers.Trees.Binning;
using Pipelines.Trainers.Trees.Histograms;
using Pipelines.Trainers.Trees.Splitting;

namespace Pipelines.Trainers.Trees.Growing;

/// <summary>
/// Grows one tree leaf-wise (best-first, as LightGBM): the leaf whose best split gains most is split next, until
/// NumLeaves leaves or no leaf can split. After a split only the smaller child's histogram is built; the larger is the
/// parent's minus the smaller's. Leaf values are <c>learningRate * w</c> with w from <see cref="LeafMath.Value"/>.
/// </summary>
internal sealed class TreeGrower
{
    private readonly BinnedMatrix _data;
    private readonly HistogramLayout _layout;
    private readonly HistogramBuilder _builder;
    private readonly SplitFinder _finder;
    private readonly GrowthParameters _parameters;
    private readonly RowPartition _partition;
    private readonly Stack<double[]> _pool = new();

    public TreeGrower(BinnedMatrix data, GrowthParameters parameters, ParallelOptions parallel)
    {
        _data = data;
        _parameters = parameters;
        _layout = new HistogramLayout(data.Features);
        _builder = new HistogramBuilder(data, _layout, parallel);
        _finder = new SplitFinder(_layout, parameters.Split);
        _partition = new RowPartition(data.Rows);
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

        var rootHistogram = Rent();
        _builder.SetGradients(gradients, hessians);
        _builder.Build(rootHistogram, _partition.Rows, 0, rows.Length, features, rowsAreAll);
        var root = new GrownNode(SplitFinder.Totals(_layout.Of(rootHistogram, features[0])), 0) { Start = 0, Count = rows.Length };
        nodes.Add(root);
        Consider(0);

        var leaves = 1;
        while (leaves < p.NumLeaves && queue.TryDequeue(out var id, out _))
        {
            var node = nodes[id];
            var split = node.Split!;
            var column = _data.Column(split.Feature);
            var leftCount = _partition.Split(node.Start, node.Count, column, split.LeftTable(_data.Features[split.Feature].MissingBin));
            var left = new GrownNode(split.Left, node.Depth + 1) { Start = node.Start, Count = leftCount };
            var right = new GrownNode(split.Right, node.Depth + 1) { Start = node.Start + leftCount, Count = node.Count - leftCount };
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
            _builder.Build(smallHistogram, _partition.Rows, nodes[small].Start, nodes[small].Count, features, false);
            HistogramBuilder.Subtract(parentHistogram, smallHistogram);
            histograms[small] = smallHistogram;
            histograms[large] = parentHistogram;
            Consider(node.Left);
            Consider(node.Right);
        }

        foreach (var h in histograms.Values) _pool.Push(h);
        foreach (var n in nodes)
        {
            if (n.Left >= 0) continue;
            n.Split = null;
            n.Value = learningRate * LeafMath.Value(n.Stats.G, n.Stats.H, p.Split.L1, p.Split.L2);
        }
        return new GrownTree(nodes);

        // Finds the node's best split; queues the node if it has one, else frees its histogram.
        void Consider(int node)
        {
            var n = nodes[node];
            var histogram = histograms.TryGetValue(node, out var h) ? h : rootHistogram;
            var split = CanSplit(n) ? _finder.Best(histogram, features) : null;
            if (split is null)
            {
                histograms.Remove(node);
                _pool.Push(histogram);
                return;
            }
            n.Split = split;
            histograms[node] = histogram;
            queue.Enqueue(node, (-split.Gain, node));
        }
    }

    private bool CanSplit(GrownNode node) =>
        node.Count >= 2 * _parameters.Split.MinChildSamples && node.Count >= 2 &&
        (_parameters.MaxDepth <= 0 || node.Depth < _parameters.MaxDepth);

    private double[] Rent() => _pool.Count > 0 ? _pool.Pop() : new double[_layout.Length];
}
