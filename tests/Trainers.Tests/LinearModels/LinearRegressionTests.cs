using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Trainers.LinearModels;

namespace Pipelines.Trainers.Tests.LinearModels;

[TestClass]
public sealed class LinearRegressionTests
{
    [TestMethod]
    [DataRow(0.0)]
    [DataRow(0.1)]
    [DataRow(2.0)]
    public void RidgeMatchesTheClosedFormSolution(double l2)
    {
        var data = Synthetic(80, 21);
        var model = new LinearRegression { L2 = l2, Tolerance = 1e-13 }.Fit(data);
        var (weights, intercept) = ClosedForm(data, ["a", "b", "c"], "t", l2);
        for (var j = 0; j < 3; j++) Assert.AreEqual(weights[j], model.Weights[j], 1e-4 * Math.Max(1, Math.Abs(weights[j])), $"w[{j}]");
        Assert.AreEqual(intercept, model.Intercepts[0], 1e-4 * Math.Max(1, Math.Abs(intercept)));
        Assert.IsTrue(model.Report.Converged, model.Report.Reason.ToString());
    }

    [TestMethod]
    public void PredictionsAreTheAffineMap()
    {
        var data = Synthetic(40, 22);
        var model = new LinearRegression().Fit(data);
        var p = model.Predict(data);
        for (var i = 0; i < data.RowCount; i++)
        {
            var expected = model.Intercepts[0] + model.Weights[0] * data.Numeric("a")[i] + model.Weights[1] * data.Numeric("b")[i] + model.Weights[2] * data.Numeric("c")[i];
            Assert.AreEqual(expected, p[i], 1e-4);
        }
    }

    [TestMethod]
    public void L1DropsIrrelevantFeatures()
    {
        var data = LogisticRegressionTests.WithNoise(Synthetic(200, 23), 6, 24);
        var model = new LinearRegression { L1 = 0.1, L2 = 0 }.Fit(data);
        Assert.IsTrue(model.Weights.Skip(3).Count(w => w == 0) >= 5, string.Join(", ", model.Weights));
        Assert.AreNotEqual(0f, model.Weights[0]);
        Assert.AreNotEqual(0f, model.Weights[1]);
    }

    [TestMethod]
    public void AClassLabelIsRefused()
    {
        var error = Assert.ThrowsExactly<SchemaException>(() => new LinearRegression().Fit(LinearTestData.Binary(30, 25)));
        StringAssert.Contains(error.Message, "LinearRegression: label 'y' is categorical; regression needs a numeric label (use a classifier for classes)");
    }

    /// <summary>Features a, b, c (c nearly collinear with a) and target t = 1.5 a - 4 b + 0.2 c + 7 + noise.</summary>
    private static DataFrame Synthetic(int rows, int seed)
    {
        var random = new Random(seed);
        var a = new float[rows];
        var b = new float[rows];
        var c = new float[rows];
        var t = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            a[i] = (float)(LinearTestData.Normal(random) * 10 + 50);
            b[i] = (float)LinearTestData.Normal(random);
            c[i] = (float)(a[i] * 0.1 + LinearTestData.Normal(random));
            t[i] = (float)(1.5 * a[i] - 4 * b[i] + 0.2 * c[i] + 7 + LinearTestData.Normal(random) * 0.5);
        }
        return new DataFrame([new NumericColumn("a", a), new NumericColumn("b", b), new NumericColumn("c", c), new NumericColumn("t", t)], label: "t");
    }

    /// <summary>
    /// The ridge solution on standardized features: (ZᵀZ / n + λ I) θ = Zᵀ(y - ȳ) / n with z_ij = (x_ij - μ_j) / σ_j,
    /// then w = θ / σ and b = ȳ - w·μ. Solved by Gaussian elimination in double precision.
    /// </summary>
    private static (double[] Weights, double Intercept) ClosedForm(DataFrame data, string[] features, string label, double l2)
    {
        var n = data.RowCount;
        var d = features.Length;
        var x = features.Select(f => data.Numeric(f).Values.ToArray().Select(v => (double)v).ToArray()).ToArray();
        var y = data.Numeric(label).Values.ToArray().Select(v => (double)v).ToArray();
        var mu = x.Select(col => col.Average()).ToArray();
        var sigma = x.Select((col, j) => Math.Sqrt(col.Select(v => (v - mu[j]) * (v - mu[j])).Average())).ToArray();
        var yBar = y.Average();
        var a = new double[d, d + 1];
        for (var j = 0; j < d; j++)
        {
            for (var k = 0; k < d; k++)
            {
                var s = 0.0;
                for (var i = 0; i < n; i++) s += (x[j][i] - mu[j]) / sigma[j] * (x[k][i] - mu[k]) / sigma[k];
                a[j, k] = s / n + (j == k ? l2 : 0);
            }
            var r = 0.0;
            for (var i = 0; i < n; i++) r += (x[j][i] - mu[j]) / sigma[j] * (y[i] - yBar);
            a[j, d] = r / n;
        }
        for (var p = 0; p < d; p++)
        {
            for (var row = p + 1; row < d; row++)
            {
                var factor = a[row, p] / a[p, p];
                for (var col = p; col <= d; col++) a[row, col] -= factor * a[p, col];
            }
        }
        var theta = new double[d];
        for (var p = d - 1; p >= 0; p--)
        {
            var s = a[p, d];
            for (var col = p + 1; col < d; col++) s -= a[p, col] * theta[col];
            theta[p] = s / a[p, p];
        }
        var w = theta.Select((t, j) => t / sigma[j]).ToArray();
        return (w, yBar - w.Select((v, j) => v * mu[j]).Sum());
    }
}
