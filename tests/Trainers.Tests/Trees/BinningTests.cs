using Pipelines.Data;
using Pipelines.Trainers.Trees.Binning;

namespace Pipelines.Trainers.Tests.Trees;

[TestClass]
public sealed class BinningTests
{
    private static readonly ParallelOptions Serial = new() { MaxDegreeOfParallelism = 1 };

    [TestMethod]
    public void FewDistinctValuesGetOneBinEachWithMidpointBounds()
    {
        var bounds = QuantileBounds.Compute([3f, 1f, 2f, 2f, float.NaN, 1f], 255);
        CollectionAssert.AreEqual(new[] { 1.5f, 2.5f, float.PositiveInfinity }, bounds);
        var bins = FeatureBins.Numeric(bounds);
        Assert.AreEqual(0, bins.NumericBin(1f));
        Assert.AreEqual(1, bins.NumericBin(2f));
        Assert.AreEqual(2, bins.NumericBin(3f));
        Assert.AreEqual(2, bins.NumericBin(100f));
        Assert.AreEqual(3, bins.NumericBin(float.NaN));
        Assert.AreEqual(3, bins.MissingBin);
    }

    [TestMethod]
    public void ManyValuesGetAtMostMaxBinsOfRoughlyEqualCounts()
    {
        var random = new Random(1);
        var values = Enumerable.Range(0, 10_000).Select(_ => (float)random.NextDouble()).ToArray();
        var bins = FeatureBins.Numeric(QuantileBounds.Compute(values, 16));
        Assert.AreEqual(16, bins.ValueBinCount);
        var counts = new int[bins.BinCount];
        foreach (var v in values) counts[bins.NumericBin(v)]++;
        for (var b = 0; b < 16; b++) Assert.IsTrue(counts[b] is > 500 and < 750, $"bin {b} has {counts[b]}");
        Assert.AreEqual(0, counts[16]);
    }

    [TestMethod]
    public void BinOfValueIsAtMostTEqualsValueAtMostBound()
    {
        var random = new Random(2);
        var values = Enumerable.Range(0, 3000).Select(_ => MathF.Round((float)TreeData.Normal(random), 2)).ToArray();
        var bins = FeatureBins.Numeric(QuantileBounds.Compute(values, 32));
        foreach (var v in values)
        {
            for (var t = 0; t < bins.ValueBinCount; t++)
                Assert.AreEqual(bins.NumericBin(v) <= t, v <= bins.UpperBounds[t], $"value {v}, bin {t}");
        }
    }

    [TestMethod]
    public void CategoriesBeyondTheCapShareTheOtherBinAndUnseenGoThereToo()
    {
        string?[] values = ["a", "a", "a", "b", "b", "c", null, "d"];
        var column = CategoricalColumn.FromValues("c", values);
        var bins = Binner.Fit([column], maxBins: 4, sampleSize: 100, seed: 0, Serial);
        CollectionAssert.AreEqual(new[] { "a", "b" }, bins[0].Categories);
        Assert.AreEqual(2, bins[0].OtherBin);
        Assert.AreEqual(3, bins[0].MissingBin);
        var matrix = Binner.Apply(bins, [column], Serial);
        CollectionAssert.AreEqual(new byte[] { 0, 0, 0, 1, 1, 2, 3, 2 }, matrix.Column(0).ToArray());

        // Another dictionary order and an unseen category: matched by name.
        var other = new CategoricalColumn("c", [0, 1, 2, -1], ["b", "zzz", "a"]);
        CollectionAssert.AreEqual(new byte[] { 1, 2, 0, 3 }, Binner.Apply(bins, [other], Serial).Column(0).ToArray());
    }

    [TestMethod]
    public void LargeDataIsBinnedFromASeededSample()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 5000).Select(_ => (float)random.NextDouble()).ToArray();
        var column = new NumericColumn("x", values);
        var a = Binner.Fit([column], 255, sampleSize: 1000, seed: 7, Serial)[0].UpperBounds;
        var b = Binner.Fit([column], 255, sampleSize: 1000, seed: 7, Serial)[0].UpperBounds;
        var c = Binner.Fit([column], 255, sampleSize: 1000, seed: 8, Serial)[0].UpperBounds;
        CollectionAssert.AreEqual(a, b);
        CollectionAssert.AreNotEqual(a, c);
        Assert.AreEqual(255, a.Length);
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    [DataRow(17)]
    [DataRow(255)]
    public void BoundSearchFindsTheFirstBoundAtOrAboveTheValue(int count)
    {
        var random = new Random(count);
        var bounds = Enumerable.Range(0, count - 1).Select(_ => (float)TreeData.Normal(random)).Distinct().Order().Append(float.PositiveInfinity).ToArray();
        var search = new BoundSearch(bounds);
        // Random values, every bound itself, its neighbours just below and above, and the extremes.
        var probes = Enumerable.Range(0, 2000).Select(_ => (float)(3 * TreeData.Normal(random)))
            .Concat(bounds).Concat(bounds.Select(b => MathF.BitDecrement(b))).Concat(bounds.Select(b => MathF.BitIncrement(b)))
            .Concat([float.NegativeInfinity, float.MinValue, -0f, 0f, float.MaxValue, float.PositiveInfinity]);
        foreach (var x in probes)
        {
            var expected = Array.FindIndex(bounds, b => x <= b);
            Assert.AreEqual(expected, search.Find(x), $"x = {x:R}");
        }
    }

    [TestMethod]
    [DataRow(100)]
    [DataRow(50_000)]
    public void RadixSortOrdersLikeTheComparisonSort(int length)
    {
        var random = new Random(length);
        var values = Enumerable.Range(0, length).Select(i => (i % 7) switch
        {
            0 => (float)random.Next(-3, 4), // repeats, zeros
            1 => -0f,
            2 => float.NegativeInfinity,
            3 => float.Epsilon * random.Next(-5, 6), // subnormals
            _ => (float)(1e6 * TreeData.Normal(random)),
        }).ToArray();
        var expected = values.Order().ToArray();
        FloatRadixSort.Sort(values);
        // -0 and +0 compare equal; their relative order is all that may differ.
        CollectionAssert.AreEqual(expected, values);
        for (var i = 1; i < values.Length; i++) Assert.IsTrue(values[i - 1] <= values[i]);
    }
}
