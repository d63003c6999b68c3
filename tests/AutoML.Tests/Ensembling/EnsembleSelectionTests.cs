using Pipelines.AutoML.Ensembling;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Tests.Ensembling;

/// <summary>
/// Greedy ensemble selection on constructed libraries whose answer is known. Probabilities are sums of powers of two,
/// so averages are exact and equal scores really are ties.
/// </summary>
[TestClass]
public sealed class EnsembleSelectionTests
{
    /// <summary>Binary probabilities, row-major: the actual class gets <paramref name="pTrue"/>, the other 1 - it.</summary>
    internal static float[] Binary(int[] actual, params float[] pTrue)
    {
        var result = new float[actual.Length * 2];
        for (var r = 0; r < actual.Length; r++)
        {
            result[2 * r + actual[r]] = pTrue[r];
            result[2 * r + 1 - actual[r]] = 1 - pTrue[r];
        }
        return result;
    }

    [TestMethod]
    public void Two_complementary_models_share_the_weight_under_log_loss()
    {
        int[] actual = [0, 0, 1, 1];
        var a = Binary(actual, 0.875f, 0.875f, 0.25f, 0.25f);
        var b = Binary(actual, 0.25f, 0.25f, 0.875f, 0.875f);
        var weak = Binary(actual, 0.375f, 0.375f, 0.375f, 0.375f);

        var result = EnsembleSelection.Select([a, b, weak], actual, 2, Metric.LogLoss);

        CollectionAssert.AreEqual(new[] { 0.5, 0.5, 0 }, result.Weights.ToArray());
        CollectionAssert.AreEqual(new[] { 0, 1 }, result.Picks.ToArray(), "the best prefix is the first two picks");
        Assert.AreEqual(0, result.BestSingleIndex, "a and b tie on their own; the lower index wins");
        Assert.AreEqual(-(Math.Log(0.875) + Math.Log(0.25)) / 2, result.BestSingleScore, 1e-12);
        Assert.AreEqual(-Math.Log(0.5625), result.Score, 1e-12);
        Assert.IsTrue(result.BeatsBestSingle);
        Assert.HasCount(EnsembleSelection.DefaultSize, result.Trajectory, "every step ran");
        Assert.AreEqual(result.Score, result.Trajectory[23], "twelve of each ties with one of each exactly: the shorter prefix is kept");
        CollectionAssert.AreEqual(new[] { 0, 1 }, result.Members.ToArray());
        CollectionAssert.AreEqual(new[] { 0.5, 0.5 }, result.MemberWeights.ToArray());
    }

    [TestMethod]
    public void Models_wrong_on_different_rows_vote_to_full_accuracy()
    {
        int[] actual = [0, 1, 0];
        var a = Binary(actual, 0.375f, 0.875f, 0.875f);
        var b = Binary(actual, 0.875f, 0.375f, 0.875f);
        var c = Binary(actual, 0.875f, 0.875f, 0.375f);

        var result = EnsembleSelection.Select([a, b, c], actual, 2, Metric.Accuracy);

        Assert.AreEqual(2.0 / 3, result.BestSingleScore, 1e-12);
        Assert.AreEqual(1.0, result.Score);
        Assert.IsTrue(result.BeatsBestSingle, "higher is better for accuracy");
        // a + b already gets every row right (b is the lower index of a's two partners); adding c keeps full accuracy and
        // lowers the log loss (every row then averages to 0.708 on the right class), which breaks the tie.
        CollectionAssert.AreEqual(new[] { 1.0 / 3, 1.0 / 3, 1.0 / 3 }, result.Weights.ToArray());
    }

    [TestMethod]
    public void A_dominant_model_gets_all_the_weight_in_both_directions()
    {
        int[] actual = [0, 1, 1, 0, 1];
        var worse = Binary(actual, 0.625f, 0.25f, 0.5625f, 0.625f, 0.625f);
        var dominant = Binary(actual, 0.875f, 0.875f, 0.875f, 0.875f, 0.875f);
        var wrong = Binary(actual, 0.25f, 0.75f, 0.25f, 0.75f, 0.25f);
        foreach (var metric in new[] { Metric.LogLoss, Metric.Accuracy, Metric.RocAuc })
        {
            var result = EnsembleSelection.Select([worse, dominant, wrong], actual, 2, metric, size: 10);
            CollectionAssert.AreEqual(new[] { 0, 1.0, 0 }, result.Weights.ToArray(), metric.ToString());
            Assert.AreEqual(1, result.BestSingleIndex, metric.ToString());
            Assert.AreEqual(result.BestSingleScore, result.Score, metric.ToString());
            Assert.IsFalse(result.BeatsBestSingle, $"{metric}: equal is not better");
            CollectionAssert.AreEqual(new[] { 1 }, result.Picks.ToArray(), metric.ToString());
        }
    }

    [TestMethod]
    public void Identical_candidates_tie_to_the_lowest_index()
    {
        int[] actual = [0, 1, 1];
        var weak = Binary(actual, 0.5f, 0.5f, 0.5f);
        var good = Binary(actual, 0.75f, 0.875f, 0.75f);
        var result = EnsembleSelection.Select([weak, good, (float[])good.Clone()], actual, 2, Metric.LogLoss);
        Assert.AreEqual(1, result.BestSingleIndex);
        CollectionAssert.AreEqual(new[] { 0, 1.0, 0 }, result.Weights.ToArray());
    }

    [TestMethod]
    public void Opposite_biases_cancel_under_rmse_and_r2()
    {
        float[] y = [1, 4, 2, 8, 5, 7];
        var above = y.Select(v => v + 1).ToArray();
        var below = y.Select(v => v - 1).ToArray();
        var far = y.Select(v => v + 3).ToArray();

        var rmse = EnsembleSelection.Select([far, above, below], y, Metric.Rmse);
        CollectionAssert.AreEqual(new[] { 0, 0.5, 0.5 }, rmse.Weights.ToArray());
        Assert.AreEqual(1, rmse.BestSingleIndex);
        Assert.AreEqual(1.0, rmse.BestSingleScore, 1e-12);
        Assert.AreEqual(0.0, rmse.Score);
        Assert.IsTrue(rmse.BeatsBestSingle);

        var r2 = EnsembleSelection.Select([far, above, below], y, Metric.R2);
        CollectionAssert.AreEqual(new[] { 0, 0.5, 0.5 }, r2.Weights.ToArray());
        Assert.AreEqual(1.0, r2.Score);
        Assert.AreEqual(RegressionMetrics.R2(y, above), r2.BestSingleScore, 1e-12);
    }

    [TestMethod]
    public void Size_one_is_the_best_single_model()
    {
        int[] actual = [0, 0, 1, 1];
        var a = Binary(actual, 0.875f, 0.875f, 0.25f, 0.25f);
        var b = Binary(actual, 0.25f, 0.25f, 0.875f, 0.875f);
        var result = EnsembleSelection.Select([a, b], actual, 2, Metric.LogLoss, size: 1);
        CollectionAssert.AreEqual(new[] { 1.0, 0 }, result.Weights.ToArray());
        Assert.IsFalse(result.BeatsBestSingle);
        Assert.HasCount(1, result.Trajectory);
    }

    /// <summary>Targets and two regression candidates off by +2 and -1.</summary>
    private static (float[] Actual, float[] Up, float[] Down) OffsetPair()
    {
        float[] y = [3, 1, 4, 1, 5, 9, 2, 6];
        return (y, [.. y.Select(v => v + 2)], [.. y.Select(v => v - 1)]);
    }

    [TestMethod]
    public void Repeated_picks_weigh_a_candidate_more()
    {
        // Offsets +2 and -1 cancel with weights 1/3 and 2/3: the better one first, the other, then the better one again.
        var (y, up, down) = OffsetPair();
        var result = EnsembleSelection.Select([up, down], y, Metric.Mae, size: 3);
        CollectionAssert.AreEqual(new[] { 1, 0, 1 }, result.Picks.ToArray());
        Assert.AreEqual(1.0 / 3, result.Weights[0], 1e-12);
        Assert.AreEqual(2.0 / 3, result.Weights[1], 1e-12);
        Assert.AreEqual(0.0, result.Score, 1e-6);
    }

    [TestMethod]
    public void A_budget_leaves_out_the_partner_it_cannot_pay_for_and_takes_the_next_best()
    {
        int[] actual = [0, 0, 1, 1];
        var a = Binary(actual, 0.875f, 0.875f, 0.25f, 0.25f);
        var b = Binary(actual, 0.25f, 0.25f, 0.875f, 0.875f);
        var c = Binary(actual, 0.25f, 0.25f, 0.75f, 0.75f);
        var free = EnsembleSelection.Select([a, b, c], actual, 2, Metric.LogLoss);
        Assert.AreEqual(0, free.Weights[2], "without a budget b, the better partner, is taken");

        var result = EnsembleSelection.Select([a, b, c], actual, 2, Metric.LogLoss, budget: new SelectionBudget([1, 5, 2], 3));

        Assert.AreEqual(0, result.Weights[1], "a (1) and b (5) cost more than 3");
        CollectionAssert.AreEqual(new[] { 0, 2 }, result.Members.ToArray());
        Assert.IsTrue(result.BeatsBestSingle);
    }

    [TestMethod]
    public void A_budget_charges_a_candidate_once_however_often_it_is_picked()
    {
        // The picks of 'Repeated_picks_weigh_a_candidate_more', with a limit that pays for each candidate exactly once.
        var (y, up, down) = OffsetPair();
        var result = EnsembleSelection.Select([up, down], y, Metric.Mae, size: 3, budget: new SelectionBudget([2, 1], 3));
        CollectionAssert.AreEqual(new[] { 1, 0, 1 }, result.Picks.ToArray());
        Assert.AreEqual(0.0, result.Score, 1e-6);
    }

    [TestMethod]
    public void The_first_pick_is_the_best_candidate_the_budget_lets_in()
    {
        int[] actual = [0, 0, 1, 1];
        var strong = Binary(actual, 0.875f, 0.875f, 0.875f, 0.875f);
        var weak = Binary(actual, 0.75f, 0.75f, 0.75f, 0.75f);
        var result = EnsembleSelection.Select([strong, weak], actual, 2, Metric.LogLoss, budget: new SelectionBudget([4, 1], 2));
        Assert.AreEqual(1, result.BestSingleIndex);
        CollectionAssert.AreEqual(new[] { 0.0, 1.0 }, result.Weights.ToArray());
        Assert.IsFalse(result.BeatsBestSingle);
    }
}
