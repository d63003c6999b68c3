using Pipelines.Data;
using Pipelines.Trainers.Trees.Binning;
using Pipelines.Trainers.Trees.Histograms;

namespace Pipelines.Trainers.Tests.Trees;

[TestClass]
public sealed class HistogramTests
{
    private static (BinnedMatrix Data, HistogramLayout Layout, float[] G, float[] H) Setup(int rows, int seed)
    {
        var random = new Random(seed);
        var columns = new List<Column>();
        for (var f = 0; f < 6; f++)
        {
            var v = new float[rows];
            for (var r = 0; r < rows; r++) v[r] = random.NextDouble() < 0.05 ? float.NaN : (float)TreeData.Normal(random);
            columns.Add(new NumericColumn($"x{f}", v));
        }
        columns.Add(CategoricalColumn.FromValues("c", [.. Enumerable.Range(0, rows).Select(_ => random.Next(4) switch { 0 => null, 1 => "p", 2 => "q", _ => "r" })]));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 2 };
        var bins = Binner.Fit(columns, 64, 1_000_000, 0, parallel);
        var data = Binner.Apply(bins, columns, parallel);
        var g = Enumerable.Range(0, rows).Select(_ => (float)TreeData.Normal(random)).ToArray();
        var h = Enumerable.Range(0, rows).Select(_ => (float)random.NextDouble()).ToArray();
        return (data, new HistogramLayout(bins), g, h);
    }

    [TestMethod]
    [DataRow(1, 30_000)]
    [DataRow(2, 30_000)]
    [DataRow(2, 150_000)] // nodes large enough to gather their gradients on both threads
    public void BuilderMatchesTheNaiveHistogram(int threads, int size)
    {
        var (data, layout, g, h) = Setup(size, 1);
        var rows = Enumerable.Range(0, data.Rows).Where(r => r % 3 != 1).ToArray();
        var features = Enumerable.Range(0, data.FeatureCount).ToArray();
        var builder = new HistogramBuilder(data, layout, new ParallelOptions { MaxDegreeOfParallelism = threads });
        var built = new double[layout.Length];
        builder.SetGradients(g, h);
        builder.Build(built, rows, 0, rows.Length, features, rowsAreAll: false);
        CollectionAssert.AreEqual(NaiveHistogram.Build(data, layout, rows, g, h), built);

        var all = Enumerable.Range(0, data.Rows).ToArray();
        builder.Build(built, all, 0, all.Length, features, rowsAreAll: true);
        CollectionAssert.AreEqual(NaiveHistogram.Build(data, layout, all, g, h), built);
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    public void SparseNodesBuiltRowByRowMatchTheNaiveHistogram(int threads)
    {
        // One row in 40 is below the density at which nodes are built row by row.
        var (data, layout, g, h) = Setup(40_000, 4);
        var rows = Enumerable.Range(0, data.Rows).Where(r => r % 40 == 7).ToArray();
        var builder = new HistogramBuilder(data, layout, new ParallelOptions { MaxDegreeOfParallelism = threads });
        builder.SetGradients(g, h);
        var built = Enumerable.Repeat(-7.0, layout.Length).ToArray();
        builder.Build(built, rows, 0, rows.Length, [.. Enumerable.Range(0, data.FeatureCount)], rowsAreAll: false);
        CollectionAssert.AreEqual(NaiveHistogram.Build(data, layout, rows, g, h), built);

        // A feature subset leaves the other features alone.
        var subset = Enumerable.Repeat(-7.0, layout.Length).ToArray();
        builder.Build(subset, rows, 0, rows.Length, [0, 3, 6], rowsAreAll: false);
        foreach (var f in new[] { 0, 3, 6 }) CollectionAssert.AreEqual(layout.Of(built, f).ToArray(), layout.Of(subset, f).ToArray());
        Assert.IsTrue(layout.Of(subset, 1).ToArray().All(v => v == -7.0));
    }

    [TestMethod]
    public void LargerChildBySubtractionEqualsDirectBuild()
    {
        var (data, layout, g, h) = Setup(5000, 2);
        var all = Enumerable.Range(0, data.Rows).ToArray();
        var small = all.Where(r => r % 4 == 0).ToArray();
        var large = all.Where(r => r % 4 != 0).ToArray();
        var parent = NaiveHistogram.Build(data, layout, all, g, h);
        HistogramBuilder.Subtract(parent, NaiveHistogram.Build(data, layout, small, g, h));
        var direct = NaiveHistogram.Build(data, layout, large, g, h);
        for (var i = 0; i < direct.Length; i++) Assert.AreEqual(direct[i], parent[i], 1e-9, $"number {i}");
        // Counts are whole numbers either way.
        for (var i = 2; i < direct.Length; i += HistogramLayout.Stride) Assert.AreEqual(direct[i], parent[i]);
    }

    [TestMethod]
    public void BuildingOnlySomeFeaturesLeavesTheOthersAlone()
    {
        var (data, layout, g, h) = Setup(2000, 3);
        var all = Enumerable.Range(0, data.Rows).ToArray();
        var built = Enumerable.Repeat(-7.0, layout.Length).ToArray();
        var builder = new HistogramBuilder(data, layout, new ParallelOptions());
        builder.SetGradients(g, h);
        builder.Build(built, all, 0, all.Length, [1, 4], rowsAreAll: true);
        var naive = NaiveHistogram.Build(data, layout, all, g, h);
        CollectionAssert.AreEqual(layout.Of(naive, 4).ToArray(), layout.Of(built, 4).ToArray());
        Assert.IsTrue(layout.Of(built, 0).ToArray().All(v => v == -7.0));
    }
}
