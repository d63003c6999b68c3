using Pipelines.Errors;
using Pipelines.Evaluation;

namespace Pipelines.Tests.Evaluation.Metrics;

[TestClass]
public sealed class ClassificationMetricsTests
{
    // Rows:        0  1  2  3  4
    // actual:      0  1  1  0  2
    // predicted:   0  1  0  0  1
    // Confusion (row actual, col predicted):
    //   0: [2 0 0]   1: [1 1 0]   2: [0 1 0]
    private static readonly int[] Actual = [0, 1, 1, 0, 2];
    private static readonly int[] Predicted = [0, 1, 0, 0, 1];
    private const double Tolerance = 1e-12;

    [TestMethod]
    public void AccuracyCountsHits()
    {
        // Hits at rows 0, 1, 3: 3 / 5.
        Assert.AreEqual(0.6, ClassificationMetrics.Accuracy(Actual, Predicted), Tolerance);
    }

    [TestMethod]
    public void WeightedAccuracyWeighsHits()
    {
        // Weights 1,1,2,1,1: hits weigh 1+1+1 = 3 of 6 in total.
        Assert.AreEqual(0.5, ClassificationMetrics.Accuracy(Actual, Predicted, [1f, 1f, 2f, 1f, 1f]), Tolerance);
    }

    [TestMethod]
    public void ConfusionMatrixCountsPairs()
    {
        var m = ConfusionMatrix.Compute(Actual, Predicted, 3, ["a", "b", "c"]);
        CollectionAssert.AreEqual(new[,] { { 2, 0, 0 }, { 1, 1, 0 }, { 0, 1, 0 } }, m.ToArray());
        Assert.AreEqual(5, m.Total);
        Assert.AreEqual(2, m.Support(1));
        Assert.AreEqual(3, m.PredictedCount(0));
        var lines = m.ToText().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual(4, lines.Length);
        StringAssert.StartsWith(lines[0], "actual \\ predicted");
        CollectionAssert.AreEqual(new[] { "b", "1", "1", "0" }, lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [TestMethod]
    public void PerClassPrecisionRecallF1()
    {
        var perClass = ClassificationMetrics.PerClass(ConfusionMatrix.Compute(Actual, Predicted, 3));
        // Class 0: TP 2, predicted 3, support 2 -> P 2/3, R 1, F1 2(2/3)(1)/(5/3) = 0.8.
        Assert.AreEqual(2.0 / 3, perClass[0].Precision, Tolerance);
        Assert.AreEqual(1.0, perClass[0].Recall, Tolerance);
        Assert.AreEqual(0.8, perClass[0].F1, Tolerance);
        // Class 1: TP 1, predicted 2, support 2 -> P 0.5, R 0.5, F1 0.5.
        Assert.AreEqual(0.5, perClass[1].Precision, Tolerance);
        Assert.AreEqual(0.5, perClass[1].Recall, Tolerance);
        Assert.AreEqual(0.5, perClass[1].F1, Tolerance);
        // Class 2: never predicted -> precision 0 by the zero-division rule; recall 0/1.
        Assert.AreEqual(0.0, perClass[2].Precision);
        Assert.AreEqual(0.0, perClass[2].F1);
        CollectionAssert.AreEqual(new[] { 2, 2, 1 }, perClass.Select(c => c.Support).ToArray());
        Assert.AreEqual("2", perClass[2].ClassName);
    }

    [TestMethod]
    public void BalancedAccuracyIsMeanRecallOverPresentClasses()
    {
        // Recalls 1, 0.5, 0 -> 0.5.
        Assert.AreEqual(0.5, ClassificationMetrics.BalancedAccuracy(Actual, Predicted, 3), Tolerance);
        // A 4th class that never occurs is not averaged in.
        Assert.AreEqual(0.5, ClassificationMetrics.BalancedAccuracy(Actual, Predicted, 4), Tolerance);
    }

    [TestMethod]
    public void MacroAndWeightedF1()
    {
        // Macro: (0.8 + 0.5 + 0) / 3 = 0.4333...; weighted by support 2,2,1: (1.6 + 1.0 + 0) / 5 = 0.52.
        Assert.AreEqual(1.3 / 3, ClassificationMetrics.MacroF1(Actual, Predicted, 3), Tolerance);
        Assert.AreEqual(0.52, ClassificationMetrics.WeightedF1(Actual, Predicted, 3), Tolerance);
        // Class 3 neither occurs nor is predicted, so it does not count in the macro mean.
        Assert.AreEqual(1.3 / 3, ClassificationMetrics.MacroF1(Actual, Predicted, 4), Tolerance);
    }

    [TestMethod]
    public void ArgMaxTakesFirstOfTies()
    {
        float[,] p = { { 0.2f, 0.5f, 0.3f }, { 0.4f, 0.4f, 0.2f }, { 0f, 0f, 1f } };
        CollectionAssert.AreEqual(new[] { 1, 0, 2 }, ClassificationMetrics.ArgMax(p));
    }

    [TestMethod]
    public void MismatchedLengthsAreClearErrors()
    {
        var e = Assert.Throws<MetricInputException>(() => ClassificationMetrics.Accuracy(Actual, [0, 1]));
        StringAssert.Contains(e.Message, "5 rows");
        Assert.Throws<MetricInputException>(() => ClassificationMetrics.Accuracy(Actual, Predicted, [1f, 1f]));
        Assert.Throws<MetricInputException>(() => ClassificationMetrics.Accuracy([], []));
    }

    [TestMethod]
    public void MissingOrOutOfRangeCodesAreRefused()
    {
        var e = Assert.Throws<MetricInputException>(() => ConfusionMatrix.Compute([0, -1], [0, 0], 2));
        StringAssert.Contains(e.Message, "missing");
        Assert.IsInstanceOfType<PipelineException>(e);
        Assert.Throws<MetricInputException>(() => ConfusionMatrix.Compute([0, 1], [0, 2], 2));
        Assert.Throws<MetricInputException>(() => ConfusionMatrix.Compute([0, 1], [0, 1], 2, ["only one"]));
    }

    [TestMethod]
    public void BadWeightsAreRefused()
    {
        Assert.Throws<MetricInputException>(() => ClassificationMetrics.Accuracy([0, 1], [0, 1], [1f, -1f]));
        Assert.Throws<MetricInputException>(() => ClassificationMetrics.Accuracy([0, 1], [0, 1], [0f, 0f]));
        Assert.Throws<MetricInputException>(() => ClassificationMetrics.Accuracy([0, 1], [0, 1], [1f, float.NaN]));
    }
}
