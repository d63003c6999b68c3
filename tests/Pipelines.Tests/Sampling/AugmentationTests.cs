using Pipelines.Augmentation;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Statistics;
using static Pipelines.Tests.Sampling.SamplingTestData;

namespace Pipelines.Tests.Sampling;

[TestClass]
public sealed class AugmentationTests
{
    [TestMethod]
    [DataRow(0.2, 0.2)]
    [DataRow(0.4, 0.4)]
    [DataRow(2.0, 2.0)]
    [DataRow(2.0, 5.0)]
    public void BetaDrawsHaveTheRightMeanAndVariance(double a, double b)
    {
        var random = new Random(17);
        const int n = 40_000;
        var draws = new float[n];
        for (var i = 0; i < n; i++)
        {
            var v = RandomVariates.Beta(random, a, b);
            Assert.IsTrue(v is >= 0 and <= 1, $"draw {v}");
            draws[i] = (float)v;
        }
        var (mean, std, _) = Moments.MeanStd(draws);
        var expectedVariance = a * b / ((a + b) * (a + b) * (a + b + 1));
        Assert.AreEqual(a / (a + b), mean, 0.01);
        Assert.AreEqual(expectedVariance, std * std, 0.05 * expectedVariance);
    }

    [TestMethod]
    public void MixupValuesLieBetweenTheRowsAndTakeTheDominantLabel()
    {
        // Two rows, x = 0 ('a') and x = 1 ('b'): a mixed row has x = λ or 1 − λ, and its label is that of the nearer end.
        var data = Points([0, 1], [10, 20], ["a", "b"]);
        var output = new MixupAugment { Alpha = 0.4, Fraction = 500, Seed = 3 }.FitTransform(data).Output;
        Assert.AreEqual(1002, output.RowCount);
        var x = output.Numeric("x").Values;
        var y = output.Numeric("y").Values;
        var mixed = 0;
        for (var s = 2; s < output.RowCount; s++)
        {
            Assert.IsTrue(x[s] is >= 0 and <= 1, $"x = {x[s]} outside [0, 1]");
            Assert.AreEqual(10 + 10 * x[s], y[s], 1e-4, "both features use the same λ");
            if (Math.Abs(x[s] - 0.5) < 1e-4) continue;
            Assert.AreEqual(x[s] > 0.5 ? "b" : "a", output.Label!.FormatValue(s), $"x = {x[s]}");
            if (x[s] is > 0.01f and < 0.99f) mixed++;
        }
        Assert.IsTrue(mixed > 100, $"only {mixed} rows were really mixed");
    }

    [TestMethod]
    public void MixupWithinClassNeverCrossesClasses()
    {
        var data = ThreeClasses(10, 10, 10);
        var output = new MixupAugment { SameClass = true, Alpha = 1, Seed = 5 }.FitTransform(data).Output;
        var x = output.Numeric("x").Values;
        for (var s = data.RowCount; s < output.RowCount; s++)
        {
            var expected = x[s] < 10 ? "a" : x[s] < 20 ? "b" : "c";
            Assert.AreEqual(expected, output.Label!.FormatValue(s), $"x = {x[s]}");
        }
    }

    [TestMethod]
    public void GaussianNoiseIsScaledToEachFeature()
    {
        var random = new Random(8);
        const int n = 500;
        var x = Enumerable.Range(0, n).Select(_ => (float)(3 * RandomVariates.Normal(random))).ToArray();
        var y = Enumerable.Range(0, n).Select(i => (float)(i % 2)).ToArray();
        var labels = Enumerable.Range(0, n).Select(i => i % 5 == 0 ? "p" : "q").ToArray();
        var data = Points(x, y, labels).With(new NumericColumn("flat", [.. Enumerable.Repeat(2f, n)]));
        var output = new GaussianNoiseAugment { Copies = 4, Sigma = 0.2, Seed = 1 }.FitTransform(data).Output;
        Assert.AreEqual(5 * n, output.RowCount);
        Assert.IsTrue(output.Head(n).ContentEquals(data));
        var std = Moments.MeanStd(x).Std;
        var diffs = new float[4 * n];
        for (var s = 0; s < diffs.Length; s++)
        {
            var source = s % n; // Fraction 1: each copy holds every row in order
            diffs[s] = output.Numeric("x")[n + s] - x[source];
            Assert.AreEqual(data.Label!.FormatValue(source), output.Label!.FormatValue(n + s));
            Assert.AreEqual(2f, output.Numeric("flat")[n + s], "a constant feature gets no noise");
        }
        var (mean, noise, _) = Moments.MeanStd(diffs);
        Assert.AreEqual(0, mean, 0.05 * std);
        Assert.AreEqual(0.2 * std, noise, 0.02 * std);
    }

    [TestMethod]
    public void GaussianNoiseFractionPicksDistinctRowsPerCopy()
    {
        var data = ThreeClasses(20, 10, 10);
        var output = new GaussianNoiseAugment { Copies = 3, Fraction = 0.25, Sigma = 0, Seed = 2 }.FitTransform(data).Output;
        Assert.AreEqual(40 + 3 * 10, output.RowCount);
        for (var copy = 0; copy < 3; copy++)
        {
            var x = output.Numeric("x").Values.Slice(40 + copy * 10, 10).ToArray();
            Assert.AreEqual(10, x.Distinct().Count());
            CollectionAssert.AreEqual(x.Order().ToArray(), x);
        }
    }
}
