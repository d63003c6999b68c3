using Pipelines.Evaluation;

namespace Pipelines.Tests.Evaluation.Metrics;

[TestClass]
public sealed class ProbabilisticAndRegressionMetricsTests
{
    private const double Tolerance = 1e-9;

    [TestMethod]
    public void LogLossIsMeanNegativeLogOfTheActualClass()
    {
        float[,] p = { { 0.6f, 0.3f, 0.1f }, { 0.2f, 0.5f, 0.3f }, { 0.1f, 0.2f, 0.7f }, { 0.3f, 0.4f, 0.3f } };
        // -(ln 0.6 + ln 0.5 + ln 0.7 + ln 0.3) / 4 = (0.510826 + 0.693147 + 0.356675 + 1.203973) / 4 = 0.6911551...
        Assert.AreEqual(0.6911551381476511, ProbabilisticMetrics.LogLoss([0, 1, 2, 2], p), 1e-7);
    }

    [TestMethod]
    public void LogLossNormalizesRowsAndClipsZeros()
    {
        // Row [2, 2] normalizes to [0.5, 0.5]: ln 2 = 0.693147...
        Assert.AreEqual(Math.Log(2), ProbabilisticMetrics.LogLoss([0], [2f, 2f], 2), Tolerance);
        // Row [0, 1] for class 0: clipped to 1e-15, row sum 1 -> -ln 1e-15 = 34.538776...
        Assert.AreEqual(34.538776394910684, ProbabilisticMetrics.LogLoss([0], [0f, 1f], 2), 1e-6);
    }

    [TestMethod]
    public void WeightedLogLoss()
    {
        // (3 * -ln 0.8 + 1 * -ln 0.6) / 4 = (0.669431 + 0.510826) / 4 = 0.295064...
        // (float inputs and the row renormalization move it by ~1e-8, hence the looser tolerance).
        Assert.AreEqual(0.29506404831, ProbabilisticMetrics.LogLoss([0, 1], [0.8f, 0.2f, 0.4f, 0.6f], 2, [3f, 1f]), 1e-7);
    }

    [TestMethod]
    public void LogLossRefusesBadRows()
    {
        var e = Assert.Throws<MetricInputException>(() => ProbabilisticMetrics.LogLoss([0, 1], [0.5f, 0.5f, float.NaN, 1f], 2));
        StringAssert.Contains(e.Message, "row 1");
        Assert.Throws<MetricInputException>(() => ProbabilisticMetrics.LogLoss([0, 1], [0.5f, 0.5f, 1f], 2));
        Assert.Throws<MetricInputException>(() => ProbabilisticMetrics.LogLoss([0, 1], [0.5f, 0.5f, -0.1f, 1.1f], 2));
        Assert.Throws<MetricInputException>(() => ProbabilisticMetrics.LogLoss([0, 2], [0.5f, 0.5f, 0.5f, 0.5f], 2));
    }

    // scikit-learn's documented example: y = [3, -0.5, 2, 7], y_hat = [2.5, 0, 2, 8].
    private static readonly float[] Y = [3f, -0.5f, 2f, 7f];
    private static readonly float[] Yhat = [2.5f, 0f, 2f, 8f];

    [TestMethod]
    public void RegressionMetricsByHand()
    {
        // Squared errors 0.25, 0.25, 0, 1: MSE 0.375, RMSE 0.6123724...; absolute errors sum 2 -> MAE 0.5.
        Assert.AreEqual(Math.Sqrt(0.375), RegressionMetrics.Rmse(Y, Yhat), Tolerance);
        Assert.AreEqual(0.5, RegressionMetrics.Mae(Y, Yhat), Tolerance);
        // Mean 2.875; total sum of squares 29.1875; R² = 1 - 1.5 / 29.1875 = 0.9486081...
        Assert.AreEqual(1 - 1.5 / 29.1875, RegressionMetrics.R2(Y, Yhat), Tolerance);
        var report = RegressionReport.Compute(Y, Yhat);
        Assert.AreEqual(0.5, report.Get(Metric.Mae), Tolerance);
        Assert.AreEqual(report.R2, report.Get(Metric.R2));
        Assert.Throws<MetricInputException>(() => report.Get(Metric.Accuracy));
    }

    [TestMethod]
    public void R2OfConstantActualIsOneWhenPerfectElseZero()
    {
        Assert.AreEqual(1.0, RegressionMetrics.R2([2f, 2f], [2f, 2f]));
        Assert.AreEqual(0.0, RegressionMetrics.R2([2f, 2f], [2f, 3f]));
    }

    [TestMethod]
    public void RegressionRefusesNaNAndMismatch()
    {
        var e = Assert.Throws<MetricInputException>(() => RegressionMetrics.Rmse([1f, float.NaN], [1f, 2f]));
        StringAssert.Contains(e.Message, "row 1");
        Assert.Throws<MetricInputException>(() => RegressionMetrics.Mae([1f, 2f], [1f]));
    }
}
