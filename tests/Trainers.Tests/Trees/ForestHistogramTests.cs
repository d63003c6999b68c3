using Pipelines.Data;
using Pipelines.Trainers.Trees.Binning;
using Pipelines.Trainers.Trees.Forest;
using Pipelines.Trainers.Trees.Histograms;

namespace Pipelines.Trainers.Tests.Trees;

[TestClass]
public sealed class ForestHistogramTests
{
    [TestMethod]
    public void MultiOutputHistogramMatchesTheObviousSums()
    {
        var data = TreeData.ThreeClasses(500, 7);
        var columns = new Column[] { data["a"], data["b"] };
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 1 };
        var bins = Binner.Fit(columns, 32, 1000, 1, parallel);
        var matrix = Binner.Apply(bins, columns, parallel);
        var codes = data.Categorical("y").Codes.ToArray();
        var random = new Random(3);
        var weights = Enumerable.Range(0, 500).Select(_ => (float)random.NextDouble()).ToArray();
        var targets = ForestTargets.Classification(3, codes, weights);
        var layout = new HistogramLayout(bins, outputs: 3);
        Assert.AreEqual(5, layout.NumbersPerBin);
        var rows = Enumerable.Range(0, 500).Where(r => r % 3 != 0).ToArray();
        var histogram = new double[layout.Length];
        new MultiOutputHistogram(matrix, layout).Build(histogram, rows, 0, rows.Length, targets);

        for (var f = 0; f < 2; f++)
        {
            var expected = new double[bins[f].BinCount * 5];
            foreach (var r in rows)
            {
                var b = matrix.Column(f)[r] * 5;
                expected[b + codes[r]] += weights[r];
                expected[b + 3] += weights[r];
                expected[b + 4] += 1;
            }
            CollectionAssert.AreEqual(expected, layout.Of(histogram, f).ToArray(), new DoubleTolerance(1e-9));
        }
        Span<double> sums = stackalloc double[3];
        var (w, c) = ForestSplitter.Totals(layout, histogram, sums);
        Assert.AreEqual(rows.Length, c);
        Assert.AreEqual(rows.Sum(r => (double)weights[r]), w, 1e-6);
        Assert.AreEqual(w, sums[0] + sums[1] + sums[2], 1e-9);
    }

    [TestMethod]
    public void OneOutputLayoutKeepsTheBoostingShape()
    {
        var bins = new[] { FeatureBins.Numeric([1, float.PositiveInfinity]), FeatureBins.Categorical(["x", "y"]) };
        var boosting = new HistogramLayout(bins);
        Assert.AreEqual(HistogramLayout.Stride, boosting.NumbersPerBin);
        Assert.AreEqual((3 + 4) * 4, boosting.Length);
        Assert.AreEqual(12, boosting.Start(1));
        var forest = new HistogramLayout(bins, outputs: 4);
        Assert.AreEqual(7 * 6, forest.Length);
        Assert.AreEqual(18, forest.Start(1));
    }

    [TestMethod]
    public void ExtraTreesThresholdsFallInsideTheRangeOfTheData()
    {
        // Values 10..19 only: a random threshold between the lowest and highest bin present lies in [10, 19).
        var x = Enumerable.Range(0, 40).Select(i => 10f + (i % 10)).ToArray();
        var y = x.Select(v => v < 13 ? "lo" : "hi").ToArray();
        var data = new DataFrame([new NumericColumn("x", x), CategoricalColumn.FromValues("y", y)], label: "y");
        var model = new ExtraTreesClassifier { Trees = 30, MaxDepth = 1, Seed = 4 }.Fit(data);
        var thresholds = model.Trees.Select(t => t.Threshold[0]).ToArray();
        Assert.IsTrue(thresholds.All(t => t is >= 10 and < 19), string.Join(", ", thresholds));
        Assert.IsTrue(thresholds.Distinct().Count() > 3, "thresholds are drawn, not searched");
    }

    [TestMethod]
    public void Histograms_built_per_visited_feature_grow_the_same_trees_as_full_histograms()
    {
        // 30 numeric features (every 7th value of the first ten missing) and a categorical one, 5 drawn per node: the
        // case where the forest builds on demand.
        var data = TreeData.Binary(300, 30, 11);
        var columns = data.Features.Select((c, j) => c is NumericColumn n && j < 10
            ? new NumericColumn(n.Name, [.. n.Values.ToArray().Select((v, r) => r % 7 == j % 7 ? float.NaN : v)]) : c).ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 1 };
        var bins = Binner.Fit(columns, 64, 1000, 1, parallel);
        var matrix = Binner.Apply(bins, columns, parallel);
        Assert.IsTrue(ForestGrowth.OnDemandPays(5, bins.Length));
        var codes = data.Categorical("y").Codes.ToArray();
        var random = new Random(2);
        var counts = Enumerable.Range(0, 300).Select(_ => (float)random.Next(0, 3)).ToArray(); // bootstrap-like whole weights: sums are exact either way
        var rows = Enumerable.Range(0, 300).Where(r => counts[r] > 0).ToArray();
        var targets = ForestTargets.Classification(2, codes, counts);

        foreach (var randomThresholds in new[] { false, true })
        {
            ForestGrownTree Grow(bool onDemand) =>
                new ForestTreeGrower(matrix, 2, new ForestGrowth(null, 1, null, 5, randomThresholds, onDemand)).Grow(targets, rows, new Random(9));
            var full = Grow(onDemand: false);
            var perFeature = Grow(onDemand: true);
            Assert.IsGreaterThan(20, full.Tree.Nodes.Count, "a tree with many splits");
            Assert.AreEqual(full.Tree.Nodes.Count, perFeature.Tree.Nodes.Count);
            for (var i = 0; i < full.Tree.Nodes.Count; i++)
            {
                var (a, b) = (full.Tree.Nodes[i], perFeature.Tree.Nodes[i]);
                Assert.AreEqual((a.Left, a.Right, a.Split?.Feature, a.Split?.ThresholdBin), (b.Left, b.Right, b.Split?.Feature, b.Split?.ThresholdBin), $"node {i}");
            }
            CollectionAssert.AreEqual(full.LeafValues, perFeature.LeafValues);
        }
    }

    private sealed class DoubleTolerance(double tolerance) : System.Collections.IComparer
    {
        public int Compare(object? a, object? b) => Math.Abs((double)a! - (double)b!) <= tolerance ? 0 : 1;
    }
}
