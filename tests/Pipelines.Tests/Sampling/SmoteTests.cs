using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Sampling;
using Pipelines.Statistics;
using static Pipelines.Tests.Sampling.SamplingTestData;

namespace Pipelines.Tests.Sampling;

[TestClass]
public sealed class SmoteTests
{
    // Minority 'm': two clusters, so a wrong neighbour (across clusters) would be visible.
    private static readonly float[] MinX = [0, 1, 0, 1.5f, 5, 6, 5.5f];
    private static readonly float[] MinY = [0, 0, 1, 1.2f, 5, 5, 6];

    private static DataFrame Data()
    {
        var x = new List<float>(MinX);
        var y = new List<float>(MinY);
        var labels = new List<string>(Enumerable.Repeat("m", MinX.Length));
        for (var i = 0; i < 20; i++) { x.Add(20 + i); y.Add(-i); labels.Add("M"); }
        var frame = Points([.. x], [.. y], [.. labels]);
        return frame.With(new TextColumn("id", [.. Enumerable.Range(0, x.Count).Select(i => $"row{i}")]));
    }

    /// <summary>k nearest other points by a plain sort (reference for the fast search).</summary>
    private static int[] NaiveNeighbors(float[] xs, float[] ys, int i, int k) =>
        [.. Enumerable.Range(0, xs.Length).Where(j => j != i)
            .OrderBy(j => Math.Pow(xs[i] - xs[j], 2) + Math.Pow(ys[i] - ys[j], 2)).ThenBy(j => j).Take(k)];

    [TestMethod]
    public void EverySyntheticPointLiesOnASegmentToOneOfItsBaseRowsNearestNeighbours()
    {
        const int k = 2;
        var data = Data();
        var output = new Smote { Neighbors = k, Seed = 3 }.FitTransform(data).Output;
        Assert.AreEqual(20, CountByClass(output)["m"]);
        Assert.AreEqual(20, CountByClass(output)["M"]);
        Assert.IsTrue(output.Head(data.RowCount).ContentEquals(data));
        var x = output.Numeric("x").ToArray();
        var y = output.Numeric("y").ToArray();
        var ids = (TextColumn)output["id"];
        for (var s = data.RowCount; s < output.RowCount; s++)
        {
            Assert.AreEqual("m", output.Label!.FormatValue(s));
            // Text is copied from the base row x, which names the segment's start.
            var i = int.Parse(ids[s]!.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture);
            Assert.IsTrue(i < MinX.Length, $"row {s} was built from a majority row");
            var onSegment = NaiveNeighbors(MinX, MinY, i, k).Any(j => OnSegment(MinX[i], MinY[i], MinX[j], MinY[j], x[s], y[s]));
            Assert.IsTrue(onSegment, $"synthetic ({x[s]}, {y[s]}) is not between row {i} and one of its {k} nearest minority neighbours");
        }
    }

    private static bool OnSegment(double ax, double ay, double bx, double by, double px, double py)
    {
        double dx = bx - ax, dy = by - ay, qx = px - ax, qy = py - ay;
        var length2 = dx * dx + dy * dy;
        var t = (qx * dx + qy * dy) / length2;
        var perpendicular = Math.Abs(qx * dy - qy * dx) / Math.Sqrt(length2);
        return perpendicular < 1e-5 && t >= -1e-5 && t <= 1 + 1e-5;
    }

    [TestMethod]
    public void SyntheticWeightsAreInterpolatedWithinTheParents()
    {
        var data = Data();
        var weight = Enumerable.Range(0, data.RowCount).Select(i => i < MinX.Length ? 1f + i : 1f).ToArray();
        var weighted = data.With(new NumericColumn("w", weight)).WithWeight("w");
        var output = new Smote { Neighbors = 1, Seed = 9 }.FitTransform(weighted).Output;
        var w = output.Weight!.Values;
        var x = output.Numeric("x").Values;
        for (var s = data.RowCount; s < output.RowCount; s++)
        {
            Assert.IsTrue(w[s] is >= 1 and <= 7, $"weight {w[s]}");
            Assert.IsFalse(x[s] > 2 && w[s] < 5, "a row of the far cluster takes its weight from that cluster");
        }
    }

    [TestMethod]
    public void CategoricalFeaturesPointToSmoteNc()
    {
        var data = Data().With(CategoricalColumn.FromValues("color", [.. Enumerable.Repeat<string?>("red", Data().RowCount)]));
        var error = Assert.ThrowsExactly<SchemaException>(() => new Smote().FitTransform(data));
        StringAssert.Contains(error.Message, "SmoteNc");
        StringAssert.Contains(error.Message, "color");
    }

    [TestMethod]
    public void ASingleRowClassThatNeedsRowsIsAClearError()
    {
        var data = ThreeClasses(5, 1, 4);
        var error = Assert.ThrowsExactly<DataValueException>(() => new Smote().FitTransform(data));
        StringAssert.Contains(error.Message, "'b'");
        StringAssert.Contains(error.Message, nameof(RandomOverSample));
    }

    [TestMethod]
    public void SmallClassesUseFewerNeighbours()
    {
        var output = new Smote { Neighbors = 5, Seed = 1 }.FitTransform(ThreeClasses(10, 2, 3)).Output;
        CollectionAssert.AreEquivalent(new Dictionary<string, int> { ["a"] = 10, ["b"] = 10, ["c"] = 10 }, CountByClass(output));
    }

    [TestMethod]
    public void FastNeighbourSearchMatchesASort()
    {
        var random = new Random(5);
        const int n = 60, dim = 3, k = 4;
        // Integer coordinates make ties common, so the tie order is checked too.
        var points = Enumerable.Range(0, n * dim).Select(_ => (float)random.Next(4)).ToArray();
        var found = NearestNeighbors.Search(points, dim, k);
        for (var i = 0; i < n; i++)
        {
            var expected = Enumerable.Range(0, n).Where(j => j != i)
                .OrderBy(j => Enumerable.Range(0, dim).Sum(d => Math.Pow(points[i * dim + d] - points[j * dim + d], 2)))
                .ThenBy(j => j).Take(k).ToArray();
            CollectionAssert.AreEqual(expected, found.AsSpan(i * k, k).ToArray(), $"point {i}");
        }
    }
}
