using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Sampling;
using static Pipelines.Tests.Sampling.SamplingTestData;

namespace Pipelines.Tests.Sampling;

[TestClass]
public sealed class SmoteNcTests
{
    // Minority 'm': cluster near 0 with colors A,B,B and cluster near 10 with C,C,A. With k = 2 and the
    // Med² penalty (Med ≈ 5), each row's neighbours stay in its cluster, and the vote gives B near 0 and C near 10.
    // Rows 1 and 4 see a 1:1 tie that the nearer neighbour breaks (B and C), not the first category (A).
    private static DataFrame Data()
    {
        float[] minority = [0, 0.1f, 0.2f, 10, 10.1f, 10.2f];
        string[] colors = ["A", "B", "B", "C", "C", "A"];
        var x = minority.Concat(Enumerable.Range(0, 10).Select(i => 50f + i)).ToArray();
        var color = colors.Concat(Enumerable.Repeat("A", 10)).ToArray();
        var labels = Enumerable.Repeat("m", 6).Concat(Enumerable.Repeat("M", 10)).ToArray();
        return new DataFrame(
            [new NumericColumn("x", x), CategoricalColumn.FromValues("color", color), CategoricalColumn.FromValues("label", labels)],
            label: "label");
    }

    [TestMethod]
    public void CategoricalValueIsTheNeighboursMajority()
    {
        var data = Data();
        var strategy = SamplingStrategy.Counts(new Dictionary<string, int> { ["m"] = 60 });
        var output = new SmoteNc { Neighbors = 2, Strategy = strategy, Seed = 4 }.FitTransform(data).Output;
        Assert.AreEqual(60, CountByClass(output)["m"]);
        var x = output.Numeric("x").Values;
        var color = output.Categorical("color");
        for (var s = data.RowCount; s < output.RowCount; s++)
        {
            Assert.IsTrue(x[s] is >= 0 and <= 0.2f or >= 10 and <= 10.2f, $"x = {x[s]} left its cluster");
            Assert.AreEqual(x[s] < 5 ? "B" : "C", color.ValueAt(s), $"row {s} at x = {x[s]}");
        }
    }

    [TestMethod]
    public void PenaltyIsTheSquaredMedianOfTheNumericStds()
    {
        // Two features with population stds 1 and 3, one with 2: median 2.
        float[] points = [0, 0, 0, 2, 4, 6];
        Assert.AreEqual(2.0, SmoteNc.MedianStd(points, 3, 2), 1e-6);
    }

    [TestMethod]
    public void NoNumericFeatureIsAClearError()
    {
        var data = Data().Without("x");
        StringAssert.Contains(Assert.ThrowsExactly<SchemaException>(() => new SmoteNc().FitTransform(data)).Message, "numeric");
    }
}
