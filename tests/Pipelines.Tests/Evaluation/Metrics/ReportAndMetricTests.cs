using Pipelines.Evaluation;

namespace Pipelines.Tests.Evaluation.Metrics;

[TestClass]
public sealed class ReportAndMetricTests
{
    [TestMethod]
    public void ClassificationReportMatchesTheSingleMetrics()
    {
        int[] y = [0, 1, 2, 2];
        float[,] p = { { 0.6f, 0.3f, 0.1f }, { 0.2f, 0.5f, 0.3f }, { 0.1f, 0.2f, 0.7f }, { 0.3f, 0.4f, 0.3f } };
        var report = ClassificationReport.Compute(y, p, ["a", "b", "c"]);
        // Predicted (argmax) [0, 1, 2, 1]: 3 of 4 right; recalls 1, 1, 0.5 -> balanced 0.8333.
        Assert.AreEqual(0.75, report.Accuracy, 1e-12);
        Assert.AreEqual(2.5 / 3, report.BalancedAccuracy, 1e-12);
        // F1: a 1; b P 1/2 R 1 -> 2/3; c P 1 R 1/2 -> 2/3. Macro 7/9; weighted (1 + 2/3 + 2*2/3) / 4 = 0.75.
        Assert.AreEqual(7.0 / 9, report.MacroF1, 1e-12);
        Assert.AreEqual(0.75, report.WeightedF1, 1e-12);
        Assert.AreEqual(2.875 / 3, report.RocAuc, 1e-12);
        Assert.AreEqual((2 + 5.0 / 6) / 3, report.PrAuc, 1e-12);
        Assert.AreEqual(0.6911551381476511, report.LogLoss, 1e-7);
        Assert.AreEqual("c", report.PerClass[2].ClassName);
        Assert.AreEqual(1, report.ConfusionMatrix[2, 1]);
        Assert.AreEqual(report.MacroF1, report.Get(Metric.MacroF1));
        Assert.Throws<MetricInputException>(() => report.Get(Metric.Rmse));
    }

    [TestMethod]
    public void ReportOnOneClassHasNaNRankingMetrics()
    {
        var report = ClassificationReport.Compute([1, 1], [0.3f, 0.7f, 0.6f, 0.4f], 2);
        Assert.AreEqual(0.5, report.Accuracy);
        Assert.IsTrue(double.IsNaN(report.RocAuc));
        Assert.IsTrue(double.IsNaN(report.PrAuc));
    }

    [TestMethod]
    public void MetricDirections()
    {
        Assert.IsTrue(Metric.RocAuc.HigherIsBetter());
        Assert.IsTrue(Metric.R2.HigherIsBetter());
        Assert.IsFalse(Metric.LogLoss.HigherIsBetter());
        Assert.IsFalse(Metric.Rmse.HigherIsBetter());
        Assert.AreEqual(MetricTask.Regression, Metric.Mae.TaskOf());
        Assert.AreEqual(MetricTask.Classification, Metric.PrAuc.TaskOf());
        Assert.AreEqual(-0.9, Metric.Accuracy.ToLoss(0.9));
        Assert.AreEqual(0.3, Metric.LogLoss.ToLoss(0.3));
        Assert.AreEqual(double.PositiveInfinity, Metric.RocAuc.ToLoss(double.NaN));
        Assert.IsTrue(Metric.Accuracy.IsBetter(0.9, 0.8));
        Assert.IsTrue(Metric.Mae.IsBetter(0.1, 0.2));
        Assert.IsFalse(Metric.Mae.IsBetter(0.2, 0.2));
        Assert.IsFalse(Metric.Accuracy.IsBetter(double.NaN, 0.1));
        Assert.IsTrue(Metric.Accuracy.IsBetter(0.1, double.NaN));
        // Every metric has a direction and a task.
        foreach (var m in Enum.GetValues<Metric>()) { _ = m.HigherIsBetter(); _ = m.TaskOf(); }
    }
}
