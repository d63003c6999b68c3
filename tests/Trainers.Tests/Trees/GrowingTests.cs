using Pipelines.Data;
using Pipelines.Trainers.Trees.Binning;
using Pipelines.Trainers.Trees.Growing;
using Pipelines.Trainers.Trees.Splitting;

namespace Pipelines.Trainers.Tests.Trees;

[TestClass]
public sealed class GrowingTests
{
    private static readonly ParallelOptions Serial = new() { MaxDegreeOfParallelism = 1 };

    private static (BinnedMatrix Data, float[] G, float[] H) Setup(int rows)
    {
        var random = new Random(4);
        var columns = Enumerable.Range(0, 3).Select(f => (Column)new NumericColumn($"x{f}",
            [.. Enumerable.Range(0, rows).Select(_ => (float)TreeData.Normal(random))])).ToArray();
        var bins = Binner.Fit(columns, 255, rows, 0, Serial);
        var data = Binner.Apply(bins, columns, Serial);
        var x0 = ((NumericColumn)columns[0]).ToArray();
        var x1 = ((NumericColumn)columns[1]).ToArray();
        var g = Enumerable.Range(0, rows).Select(r => (float)(Math.Sin(3 * x0[r]) + (x1[r] > 0 ? 1 : -1))).ToArray();
        return (data, g, Enumerable.Repeat(1f, rows).ToArray());
    }

    private static GrownTree Grow(int leaves, int depth, int minChild = 5, double rate = 1)
    {
        var (data, g, h) = Setup(2000);
        var grower = new TreeGrower(data, new GrowthParameters(leaves, depth, new SplitParameters(0, 1, minChild, 1e-3, 0, 32, 10, 10, 100)), Serial);
        return grower.Grow(g, h, [.. Enumerable.Range(0, data.Rows)], true, [0, 1, 2], rate);
    }

    [TestMethod]
    public void LeafWiseGrowthStopsAtNumLeaves()
    {
        var tree = Grow(leaves: 9, depth: -1);
        Assert.AreEqual(9, tree.Leaves.Count());
        Assert.AreEqual(17, tree.Nodes.Count);
    }

    [TestMethod]
    public void MaxDepthBoundsEveryLeaf()
    {
        var tree = Grow(leaves: 64, depth: 3);
        Assert.IsTrue(tree.Leaves.All(l => l.Depth <= 3));
        Assert.IsTrue(tree.Leaves.Count() <= 8);
    }

    [TestMethod]
    public void LeavesPartitionTheRowsAndHoldNewtonValues()
    {
        var (data, g, h) = Setup(2000);
        var grower = new TreeGrower(data, new GrowthParameters(12, -1, new SplitParameters(0, 1, 5, 1e-3, 0, 32, 10, 10, 100)), Serial);
        var tree = grower.Grow(g, h, [.. Enumerable.Range(0, data.Rows)], true, [0, 1, 2], 0.5);
        var seen = new bool[data.Rows];
        foreach (var leaf in tree.Leaves)
        {
            var rows = grower.Partition.Rows.AsSpan(leaf.Start, leaf.Count).ToArray();
            double sum = 0;
            foreach (var r in rows)
            {
                Assert.IsFalse(seen[r]);
                seen[r] = true;
                sum += g[r];
                Assert.AreEqual(leaf.Value, tree.Predict(data, r), "walking the binned tree reaches the row's leaf");
            }
            Assert.AreEqual(-0.5 * sum / (rows.Length + 1), leaf.Value, 1e-9);
        }
        Assert.IsTrue(seen.All(s => s));
    }

    [TestMethod]
    public void Leaves_under_a_split_that_groups_categories_take_cat_l2_on_top_of_l2_as_lightgbm_does()
    {
        // One categorical column, 40 rows a category, the last category pulling the other way; L2 1, CatL2 10.
        foreach (var (categories, l2) in new[] { (6, 1 + 10.0), (4, 1.0) })
        {
            var values = Enumerable.Range(0, 40 * categories).Select(r => ((char)('a' + r / 40)).ToString()).ToArray();
            var column = CategoricalColumn.FromValues("c", values);
            var bins = Binner.Fit([column], 255, values.Length, 0, Serial);
            var data = Binner.Apply(bins, [column], Serial);
            float[] g = [.. values.Select(v => v[0] - 'a' == categories - 1 ? 3f : -1f)];
            float[] h = [.. g.Select(_ => 1f)];
            var grower = new TreeGrower(data, new GrowthParameters(2, -1, new SplitParameters(0, 1, 5, 1e-3, 0, 32, 10, 10, 1)), Serial);
            var tree = grower.Grow(g, h, [.. Enumerable.Range(0, data.Rows)], true, [0], 1);
            Assert.AreEqual(2, tree.Leaves.Count(), $"{categories} categories");
            foreach (var leaf in tree.Leaves)
                Assert.AreEqual(-leaf.Stats.G / (leaf.Stats.H + l2), leaf.Value, 1e-9,
                    categories > 4 ? "grouped: the leaves take L2 + CatL2" : "one category against the rest: L2 alone");
        }
    }

    [TestMethod]
    public void BestFirstTakesTheLargestGainFirst()
    {
        // With two leaves the only split is the root's best split over all features.
        var two = Grow(leaves: 2, depth: -1);
        var (data, g, h) = Setup(2000);
        var layout = new Pipelines.Trainers.Trees.Histograms.HistogramLayout(data.Features);
        var histogram = Pipelines.Trainers.Trees.Histograms.NaiveHistogram.Build(data, layout, Enumerable.Range(0, data.Rows).ToArray(), g, h);
        var best = new SplitFinder(layout, new SplitParameters(0, 1, 5, 1e-3, 0, 32, 10, 10, 100)).Best(histogram, [0, 1, 2])!;
        Assert.AreEqual(best.Feature, two.Nodes[0].Split!.Feature);
        Assert.AreEqual(best.Gain, two.Nodes[0].Split!.Gain, 1e-9);
    }

    [TestMethod]
    public void PartitionSplitsStablyOnOneThreadOrSeveral()
    {
        // 150,000 rows: the first split runs in chunks on both threads, the later (smaller) ones in one pass.
        var random = new Random(9);
        var bins = new byte[150_000];
        random.NextBytes(bins);
        var goesLeft = Enumerable.Range(0, 256).Select(b => b % 3 == 0).ToArray();
        var rows = Enumerable.Range(0, bins.Length).Where(r => r % 7 != 3).ToArray();
        var serial = new RowPartition(bins.Length);
        var parallel = new RowPartition(bins.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 });
        serial.Reset(rows);
        parallel.Reset(rows);
        var left = parallel.Split(0, rows.Length, bins, goesLeft);
        Assert.AreEqual(serial.Split(0, rows.Length, bins, goesLeft), left);
        CollectionAssert.AreEqual(serial.Rows, parallel.Rows);
        // Left rows first, then right rows, each in their old (ascending) order.
        var expectedLeft = rows.Where(r => goesLeft[bins[r]]).ToArray();
        CollectionAssert.AreEqual(expectedLeft, parallel.Rows[..left]);
        CollectionAssert.AreEqual(rows.Where(r => !goesLeft[bins[r]]).ToArray(), parallel.Rows[left..rows.Length]);
        var inner = parallel.Split(left / 3, left / 2, bins, Enumerable.Range(0, 256).Select(b => b < 128).ToArray());
        Assert.AreEqual(expectedLeft.Skip(left / 3).Take(left / 2).Count(r => bins[r] < 128), inner);
    }
}
