using Pipelines.AutoML.Ensembling;
using Pipelines.Errors;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Tests.Ensembling;

/// <summary>Bad inputs to ensemble selection are refused with a message that says what was wrong.</summary>
[TestClass]
public sealed class EnsembleSelectionInputTests
{
    private static readonly int[] Actual = [0, 1, 1];

    private static float[] Good() => EnsembleSelectionTests.Binary(Actual, 0.75f, 0.75f, 0.75f);

    [TestMethod]
    public void No_candidates()
    {
        var error = Assert.ThrowsExactly<DataValueException>(() => EnsembleSelection.Select([], Actual, 2, Metric.LogLoss));
        StringAssert.Contains(error.Message, "no candidates");
    }

    [TestMethod]
    public void Candidate_of_the_wrong_length()
    {
        var error = Assert.ThrowsExactly<DataValueException>(() => EnsembleSelection.Select([Good(), new float[5]], Actual, 2, Metric.LogLoss));
        StringAssert.Contains(error.Message, "candidate 1 has 5 predicted values, but 3 rows x 2 classes need 6");
    }

    [TestMethod]
    public void Regression_candidate_of_the_wrong_length()
    {
        var error = Assert.ThrowsExactly<DataValueException>(() => EnsembleSelection.Select([new float[2]], new float[] { 1, 2, 3 }, Metric.Rmse));
        StringAssert.Contains(error.Message, "candidate 0 has 2 predicted values, but 3 rows need 3");
    }

    [TestMethod]
    public void NaN_prediction_names_candidate_row_and_class()
    {
        var bad = Good();
        bad[3] = float.NaN;
        var error = Assert.ThrowsExactly<DataValueException>(() => EnsembleSelection.Select([Good(), bad], Actual, 2, Metric.Accuracy));
        StringAssert.Contains(error.Message, "candidate 1 predicts NaN at row 1, class 1");
    }

    [TestMethod]
    public void Negative_probability_and_infinite_regression_value()
    {
        var negative = Good();
        negative[0] = -0.25f;
        Assert.ThrowsExactly<DataValueException>(() => EnsembleSelection.Select([negative], Actual, 2, Metric.LogLoss));
        var error = Assert.ThrowsExactly<DataValueException>(() =>
            EnsembleSelection.Select([new[] { 1f, float.PositiveInfinity }], new float[] { 1, 2 }, Metric.Mae));
        StringAssert.Contains(error.Message, "at row 1");
    }

    [TestMethod]
    public void Metric_of_the_other_task()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => EnsembleSelection.Select([Good()], Actual, 2, Metric.Rmse));
        StringAssert.Contains(error.Message, "Rmse is a Regression metric");
        Assert.ThrowsExactly<ArgumentException>(() => EnsembleSelection.Select([new float[] { 1 }], new float[] { 1 }, Metric.Accuracy));
    }

    [TestMethod]
    public void Size_below_one_and_too_few_classes()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => EnsembleSelection.Select([Good()], Actual, 2, Metric.LogLoss, size: 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => EnsembleSelection.Select([new float[3]], Actual, 1, Metric.LogLoss));
    }

    [TestMethod]
    public void Class_code_out_of_range_and_missing_label()
    {
        var error = Assert.ThrowsExactly<DataValueException>(() => EnsembleSelection.Select([Good()], new[] { 0, 2, 1 }, 2, Metric.LogLoss));
        StringAssert.Contains(error.Message, "code 2 at row 1");
        Assert.ThrowsExactly<DataValueException>(() => EnsembleSelection.Select([Good()], new[] { 0, -1, 1 }, 2, Metric.LogLoss));
        Assert.ThrowsExactly<DataValueException>(() => EnsembleSelection.Select([Good()], new float[] { 1, float.NaN, 2 }, Metric.Rmse));
    }

    [TestMethod]
    public void No_rows()
    {
        Assert.ThrowsExactly<DataValueException>(() => EnsembleSelection.Select([Array.Empty<float>()], ReadOnlySpan<int>.Empty, 2, Metric.LogLoss));
        Assert.ThrowsExactly<DataValueException>(() => EnsembleSelection.Select([Array.Empty<float>()], ReadOnlySpan<float>.Empty, Metric.Rmse));
    }

    [TestMethod]
    public void Ranking_metric_needs_two_classes_present()
    {
        var error = Assert.ThrowsExactly<DataValueException>(() =>
            EnsembleSelection.Select([EnsembleSelectionTests.Binary([1, 1], 0.75f, 0.5f)], new[] { 1, 1 }, 2, Metric.RocAuc));
        StringAssert.Contains(error.Message, "single class");
    }

    [TestMethod]
    public void Null_candidate()
    {
        Assert.ThrowsExactly<ArgumentException>(() => EnsembleSelection.Select([Good(), null!], Actual, 2, Metric.LogLoss));
        Assert.ThrowsExactly<ArgumentNullException>(() => EnsembleSelection.Select(null!, Actual, 2, Metric.LogLoss));
    }

    [TestMethod]
    public void Budget_that_no_candidate_fits()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => EnsembleSelection.Select([Good(), Good()], Actual, 2, Metric.LogLoss, budget: new SelectionBudget([3, 2], 1)));
        StringAssert.Contains(error.Message, "no candidate fits the budget's limit of 1 (the cheapest costs 2)");
    }

    [TestMethod]
    public void Budget_with_a_cost_per_candidate_missing_or_negative()
    {
        var count = Assert.ThrowsExactly<ArgumentException>(() => EnsembleSelection.Select([Good(), Good()], Actual, 2, Metric.LogLoss, budget: new SelectionBudget([1], 5)));
        StringAssert.Contains(count.Message, "1 costs for 2 candidates");
        var negative = Assert.ThrowsExactly<ArgumentException>(() => EnsembleSelection.Select([Good()], Actual, 2, Metric.LogLoss, budget: new SelectionBudget([-1], 5)));
        StringAssert.Contains(negative.Message, "candidate 0 costs -1");
    }
}
