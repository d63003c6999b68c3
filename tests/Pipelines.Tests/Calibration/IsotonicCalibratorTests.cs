using System.Globalization;
using Pipelines.Calibration;

namespace Pipelines.Tests.Calibration;

[TestClass]
public sealed class IsotonicCalibratorTests
{
    [TestMethod]
    public void Pools_adjacent_violators_and_interpolates_between_knots()
    {
        // y by x: 0, 1, 0, 1, 1, 1 -> the violation (1, 0) pools to 0.5, 0.5.
        var calibrator = IsotonicCalibrator.Fit([0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f], [false, true, false, true, true, true]);
        CollectionAssert.AreEqual(new[] { 0.1f, 0.2f, 0.3f, 0.4f, 0.6f }, calibrator.X.ToArray(), "the knot inside the flat top (0.5) is dropped");
        CollectionAssert.AreEqual(new[] { 0f, 0.5f, 0.5f, 1f, 1f }, calibrator.Y.ToArray());
        Assert.AreEqual(0.25f, calibrator.Apply(0.15f), 1e-6f, "halfway between 0.1 and 0.2");
        Assert.AreEqual(0.5f, calibrator.Apply(0.25f), 1e-6f);
        Assert.AreEqual(Calibrator.Epsilon, calibrator.Apply(0f), "below the first knot: clipped, then kept off 0");
        Assert.AreEqual(Calibrator.OneMinusEpsilon, calibrator.Apply(0.9f), "above the last knot: clipped, then kept off 1");
    }

    [TestMethod]
    public void Equal_inputs_are_merged_before_pooling()
    {
        var calibrator = IsotonicCalibrator.Fit([0.3f, 0.3f, 0.3f, 0.7f], [true, false, false, true]);
        CollectionAssert.AreEqual(new[] { 0.3f, 0.7f }, calibrator.X.ToArray());
        Assert.AreEqual(1f / 3, calibrator.Y[0], 1e-6f);
        var single = IsotonicCalibrator.Fit([0.4f, 0.4f], [true, false]);
        Assert.AreEqual(0.5f, single.Apply(0.9f), "one distinct input: a constant");
    }

    [TestMethod]
    public void Matches_scikit_learn_isotonic_regression()
    {
        var random = new Random(11);
        const int rows = 400;
        var x = new float[rows];
        var y = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            x[i] = MathF.Round((float)random.NextDouble(), 2); // ties on purpose
            y[i] = random.NextDouble() < 0.2 + 0.6 * x[i];
        }
        var grid = Enumerable.Range(-5, 111).Select(i => i / 100f).ToArray();
        var expected = Reference(x, y, grid);
        var calibrator = IsotonicCalibrator.Fit(x, y);
        for (var i = 0; i < grid.Length; i++)
        {
            var want = Math.Clamp(expected[i], Calibrator.Epsilon, Calibrator.OneMinusEpsilon);
            Assert.AreEqual(want, calibrator.Apply(grid[i]), 1e-6, $"at {grid[i]}");
        }
    }

    [TestMethod]
    public void Refuses_knots_out_of_order()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new IsotonicCalibrator([0.2f, 0.1f], [0f, 1f]));
        Assert.ThrowsExactly<ArgumentException>(() => new IsotonicCalibrator([0.1f, 0.2f], [1f, 0f]));
    }

    private const string Script = """
        import sys, numpy as np
        from sklearn.isotonic import IsotonicRegression
        data = np.loadtxt(sys.argv[1], delimiter=",")
        grid = np.loadtxt(sys.argv[2], delimiter=",")
        model = IsotonicRegression(out_of_bounds="clip").fit(data[:, 0], data[:, 1])
        print("\n".join(repr(float(v)) for v in model.predict(grid)))
        """;

    private static double[] Reference(float[] x, bool[] y, float[] grid)
    {
        var data = Path.GetTempFileName();
        var points = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(data, x.Select((v, i) => string.Create(CultureInfo.InvariantCulture, $"{(double)v:R},{(y[i] ? 1 : 0)}")));
            File.WriteAllLines(points, grid.Select(v => ((double)v).ToString("R", CultureInfo.InvariantCulture)));
            return [.. ReferencePython.Run(Script, data, points).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(s => double.Parse(s, CultureInfo.InvariantCulture))];
        }
        finally
        {
            File.Delete(data);
            File.Delete(points);
        }
    }
}
