using Pipelines.Data;
using Pipelines.Trainers.Gan.Transform;

namespace Pipelines.Trainers.Tests.Gan;

[TestClass]
public sealed class TransformerTests
{
    internal static DataFrame Bimodal(int rows, int seed, bool missing = false)
    {
        var random = new Random(seed);
        var x = new float[rows];
        var count = new float[rows];
        var color = new string?[rows];
        var y = new string?[rows];
        for (var i = 0; i < rows; i++)
        {
            var high = random.NextDouble() < 0.3;
            x[i] = (float)((high ? 10 : 0) + Normal(random));
            count[i] = random.Next(0, 6);
            color[i] = high ? (random.NextDouble() < 0.8 ? "red" : "blue") : (random.NextDouble() < 0.2 ? "red" : "green");
            y[i] = high ? "yes" : "no";
            if (missing && i % 7 == 3) x[i] = float.NaN;
            if (missing && i % 11 == 5) color[i] = null;
        }
        return new DataFrame(
            [new NumericColumn("x", x), new NumericColumn("count", count), CategoricalColumn.FromValues("color", color), CategoricalColumn.FromValues("y", y)],
            label: "y");
    }

    internal static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [TestMethod]
    public void MixtureFindsTwoSeparatedModes()
    {
        var random = new Random(1);
        var values = Enumerable.Range(0, 2000).Select(i => (i % 4 == 0 ? 10.0 : 0.0) + Normal(random)).ToArray();
        var gmm = GaussianMixture1d.Fit(values);
        var heavy = Enumerable.Range(0, gmm.Count).Where(k => gmm.Weights[k] > 0.05).ToArray();
        Assert.IsTrue(heavy.Any(k => Math.Abs(gmm.Means[k]) < 1.5), "a mode near 0");
        Assert.IsTrue(heavy.Any(k => Math.Abs(gmm.Means[k] - 10) < 1.5), "a mode near 10");
        var nearTen = Enumerable.Range(0, gmm.Count).Where(k => gmm.Means[k] > 5).Sum(k => gmm.Weights[k]);
        Assert.AreEqual(0.25, nearTen, 0.03);
        Assert.AreEqual(1, gmm.Weights.Sum(), 1e-9);
        Assert.IsTrue(gmm.Weights.All(w => w >= 0.005 / 1.0 - 1e-12), "pruned modes are gone");
    }

    [TestMethod]
    public void RoundTripReproducesValues()
    {
        var frame = Bimodal(400, 2, missing: true);
        var transformer = TabularTransformer.Fit(frame);
        var encoded = transformer.Encode(frame, new Random(3));
        var decoded = transformer.Decode(encoded, frame.RowCount);
        Assert.AreEqual(frame.Schema, decoded.Schema);
        Assert.IsTrue(frame["color"].ContentEquals(decoded["color"]), "categorical exact, missing included");
        Assert.IsTrue(frame["y"].ContentEquals(decoded["y"]), "label exact");
        Assert.IsTrue(frame["count"].ContentEquals(decoded["count"]), "whole numbers stay whole and exact");
        var x = frame.Numeric("x").Values;
        var back = decoded.Numeric("x").Values;
        var outside = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (float.IsNaN(x[i]))
            {
                Assert.IsTrue(float.IsNaN(back[i]), $"row {i}: missing stays missing");
                continue;
            }
            if (Math.Abs(x[i] - back[i]) > 1e-3 * (1 + Math.Abs(x[i]))) outside++;
        }
        // Only values beyond 3.96 sigma of their sampled mode are clipped by alpha's [-0.99, 0.99].
        Assert.IsTrue(outside <= 4, $"{outside} values off by more than rounding");
    }

    [TestMethod]
    public void EncodedRowsHaveOneHotBlocksAndBoundedAlphas()
    {
        var frame = Bimodal(100, 4);
        var transformer = TabularTransformer.Fit(frame);
        var encoded = transformer.Encode(frame, new Random(5));
        Assert.AreEqual(transformer.Spans.Sum(s => s.Width), transformer.Dimension);
        for (var i = 0; i < frame.RowCount; i++)
        {
            foreach (var span in transformer.Spans)
            {
                var block = encoded.AsSpan(i * transformer.Dimension + span.Start, span.Width);
                if (span.Activation == SpanActivation.Tanh) Assert.IsTrue(Math.Abs(block[0]) <= 0.99f);
                else Assert.AreEqual(1f, block.ToArray().Sum());
            }
        }
        Assert.AreEqual(2, transformer.Discrete.Count, "color and the label");
    }

    [TestMethod]
    public void DecodeClipsIntoTheObservedRange()
    {
        var frame = Bimodal(100, 6);
        var transformer = TabularTransformer.Fit(frame);
        var matrix = new float[3 * transformer.Dimension];
        for (var i = 0; i < matrix.Length; i++) matrix[i] = (i % 3 - 1) * 5f;
        var decoded = transformer.Decode(matrix, 3);
        var x = frame.Numeric("x").Values.ToArray();
        foreach (var v in decoded.Numeric("x").Values) Assert.IsTrue(v >= x.Min() && v <= x.Max());
        foreach (var v in decoded.Numeric("count").Values) Assert.AreEqual(MathF.Round(v), v);
    }

    [TestMethod]
    public void TextColumnsAreRefused()
    {
        var frame = new DataFrame([new NumericColumn("a", [1, 2]), new TextColumn("t", ["p", "q"])]);
        Assert.ThrowsExactly<Pipelines.Errors.SchemaException>(() => TabularTransformer.Fit(frame));
    }
}
