using System.Globalization;
using Pipelines.Calibration;

namespace Pipelines.Tests.Calibration;

[TestClass]
public sealed class PlattCalibratorTests
{
    [TestMethod]
    public void Undoes_overconfidence()
    {
        // p = sigmoid(3·logit(q)) with outcomes drawn from q: the best slope on logit(p) is 1/3.
        var (actual, probabilities) = CalibrationData.Overconfident(20_000, sharpness: 3, seed: 5);
        var p = Enumerable.Range(0, actual.Length).Select(r => probabilities[2 * r + 1]).ToArray();
        var calibrator = PlattCalibrator.Fit(p, [.. actual.Select(a => a == 1)]);
        Assert.AreEqual(1 / 3.0, calibrator.A, 0.03);
        Assert.AreEqual(0, calibrator.B, 0.05);
    }

    [TestMethod]
    public void Matches_scikit_learn_sigmoid_calibration_on_the_logit()
    {
        var random = new Random(3);
        const int rows = 300;
        var p = new float[rows];
        var y = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            p[i] = (float)random.NextDouble();
            y[i] = random.NextDouble() < 0.1 + 0.5 * p[i] * p[i];
        }
        var calibrator = PlattCalibrator.Fit(p, y);
        // scikit-learn fits P = 1 / (1 + exp(A·f + B)) on the same scores f = logit(p): A = −a, B = −b.
        var (a, b) = Reference([.. p.Select(Calibrator.Logit)], y);
        Assert.AreEqual(-a, calibrator.A, 1e-3 * Math.Max(1, Math.Abs(a)), "slope");
        Assert.AreEqual(-b, calibrator.B, 1e-3 * Math.Max(1, Math.Abs(b)), "intercept");
    }

    [TestMethod]
    public void Separable_classes_give_finite_parameters()
    {
        var calibrator = PlattCalibrator.Fit([0.1f, 0.2f, 0.8f, 0.9f], [false, false, true, true]);
        Assert.IsTrue(float.IsFinite(calibrator.A) && float.IsFinite(calibrator.B));
        Assert.IsTrue(calibrator.Apply(0.9f) < 1 && calibrator.Apply(0.9f) > 0.5f, "smoothed targets keep the top below 1");
        var constant = PlattCalibrator.Fit([0.5f, 0.5f, 0.5f], [true, false, false]);
        // One score (logit 0): the mean smoothed target, (2/3 + 1/4 + 1/4) / 3 = 7/18.
        Assert.AreEqual(7f / 18, constant.Apply(0.5f), 1e-4f);
    }

    private const string Script = """
        import sys, numpy as np
        from sklearn.calibration import _sigmoid_calibration
        data = np.loadtxt(sys.argv[1], delimiter=",")
        a, b = _sigmoid_calibration(data[:, 0], data[:, 1])
        print(repr(float(a)), repr(float(b)))
        """;

    private static (double A, double B) Reference(float[] scores, bool[] y)
    {
        var data = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(data, scores.Select((v, i) => string.Create(CultureInfo.InvariantCulture, $"{(double)v:R},{(y[i] ? 1 : 0)}")));
            var parts = ReferencePython.Run(Script, data).Trim().Split(' ');
            return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(data);
        }
    }
}
