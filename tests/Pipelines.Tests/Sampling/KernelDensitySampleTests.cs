using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Sampling;
using Pipelines.Statistics;

namespace Pipelines.Tests.Sampling;

[TestClass]
public sealed class KernelDensitySampleTests
{
    private static DataFrame Data(int minority, int majority)
    {
        var random = new Random(11);
        var n = minority + majority;
        var x = new float[n];
        var y = new float[n];
        var labels = new string[n];
        for (var i = 0; i < n; i++)
        {
            var isMinority = i < minority;
            x[i] = (float)(isMinority ? 5 + RandomVariates.Normal(random) : -5 + RandomVariates.Normal(random));
            y[i] = (float)(isMinority ? -3 + 2 * RandomVariates.Normal(random) : 8 + RandomVariates.Normal(random));
            labels[i] = isMinority ? "rare" : "common";
        }
        return SamplingTestData.Points(x, y, labels);
    }

    [TestMethod]
    public void SamplesFollowTheClassDistributionWithKernelSpread()
    {
        var data = Data(200, 1000);
        var output = new KernelDensitySample { Seed = 2 }.FitTransform(data).Output;
        Assert.AreEqual(1000, SamplingTestData.CountByClass(output)["rare"]);
        var factor = KernelDensitySample.Factor(BandwidthRule.Scott, 200, 2);
        Assert.AreEqual(Math.Pow(200, -1.0 / 6), factor, 1e-12);
        foreach (var name in new[] { "x", "y" })
        {
            var original = data.Numeric(name).Values[..200];
            var synthetic = output.Numeric(name).Values[data.RowCount..];
            var (classMean, classStd, _) = Moments.MeanStd(original);
            var (mean, std, _) = Moments.MeanStd(synthetic);
            Assert.AreEqual(classMean, mean, 0.15 * classStd, $"{name}: synthetic mean");
            // Smoothed bootstrap: variance ≈ s² (1 + factor²).
            Assert.AreEqual(classStd * Math.Sqrt(1 + factor * factor), std, 0.08 * classStd, $"{name}: synthetic spread");
        }
        var copies = output.Numeric("x").Values[data.RowCount..].ToArray().Count(v => data.Numeric("x").Values.Contains(v));
        Assert.IsTrue(copies < 5, "synthetic rows should not be exact copies");
    }

    [TestMethod]
    public void SilvermanFactorMatchesTheFormula() =>
        Assert.AreEqual(Math.Pow(50 * 5 / 4.0, -1.0 / 7), KernelDensitySample.Factor(BandwidthRule.Silverman, 50, 3), 1e-12);

    [TestMethod]
    public void CategoricalAndTextAreCopiedFromTheChosenRow()
    {
        var data = Data(10, 40);
        var tags = Enumerable.Range(0, data.RowCount).Select(i => i < 10 ? $"r{i % 3}" : "common").ToArray();
        data = data.With(CategoricalColumn.FromValues("tag", tags)).With(new TextColumn("note", tags));
        var output = new KernelDensitySample { Seed = 1 }.FitTransform(data).Output;
        for (var s = data.RowCount; s < output.RowCount; s++)
        {
            StringAssert.StartsWith(output["tag"].FormatValue(s), "r");
            Assert.AreEqual(output["tag"].FormatValue(s), output["note"].FormatValue(s));
        }
    }
}
