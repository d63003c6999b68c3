using Pipelines.Calibration;
using Pipelines.Evaluation;

namespace Pipelines.Tests.Calibration;

[TestClass]
public sealed class CalibrationSelectorTests
{
    [TestMethod]
    public void Overconfident_probabilities_get_calibrated_and_lose_log_loss()
    {
        var (actual, probabilities) = CalibrationData.Overconfident(3000, sharpness: 3, seed: 1);
        var choice = CalibrationSelector.Select(actual, probabilities, 2);
        Assert.AreNotEqual(CalibrationMethod.None, choice.Method);
        Assert.IsTrue(choice.LogLoss[choice.Method] < 0.95 * choice.LogLoss[CalibrationMethod.None],
            $"log loss {choice.LogLoss[choice.Method]:F4} vs {choice.LogLoss[CalibrationMethod.None]:F4} uncalibrated");
        Assert.AreEqual(3, choice.LogLoss.Count, "none, Platt and isotonic were all scored");
    }

    [TestMethod]
    public void The_cross_validated_probabilities_are_the_chosen_method_s_on_rows_it_was_not_fitted_on()
    {
        var (actual, probabilities) = CalibrationData.Overconfident(3000, sharpness: 3, seed: 1);
        var choice = CalibrationSelector.Select(actual, probabilities, 2);
        Assert.AreNotEqual(CalibrationMethod.None, choice.Method);
        var crossValidated = choice.CrossValidated!;
        Assert.AreEqual(choice.LogLoss[choice.Method], ProbabilisticMetrics.LogLoss(actual, crossValidated, 2), 1e-9, "the probabilities behind the chosen method's log loss");
        var inSample = choice.Calibration.Apply(probabilities, 2);
        Assert.IsFalse(crossValidated.AsSpan().SequenceEqual(inSample), "not the calibration refitted on every row");

        var off = CalibrationSelector.Select(actual, probabilities, 2, CalibrationOptions.Off);
        CollectionAssert.AreEqual(probabilities, off.CrossValidated, "without calibration they are the probabilities as given");
    }

    [TestMethod]
    public void Calibrated_probabilities_keep_none_unless_a_calibrator_is_lower()
    {
        var (actual, probabilities) = CalibrationData.Overconfident(3000, sharpness: 1, seed: 2);
        var choice = CalibrationSelector.Select(actual, probabilities, 2);
        var best = choice.LogLoss.MinBy(p => p.Value);
        Assert.AreEqual(choice.LogLoss[choice.Method], best.Value, "the lowest cross-validated log loss wins");
        Assert.IsTrue(choice.LogLoss[choice.Method] <= choice.LogLoss[CalibrationMethod.None]);
        Assert.IsTrue(choice.LogLoss[choice.Method] > 0.99 * choice.LogLoss[CalibrationMethod.None], "already calibrated: nothing to gain");
    }

    [TestMethod]
    public void Off_and_tiny_inputs_keep_the_probabilities()
    {
        var (actual, probabilities) = CalibrationData.Overconfident(200, sharpness: 3, seed: 3);
        Assert.AreEqual(CalibrationMethod.None, CalibrationSelector.Select(actual, probabilities, 2, CalibrationOptions.Off).Method);
        Assert.AreEqual(CalibrationMethod.None, CalibrationSelector.Select(actual.AsSpan(0, 3), probabilities.AsSpan(0, 6), 2).Method, "fewer rows than folds");
        var kept = ProbabilityCalibration.None.Apply(probabilities, 2);
        CollectionAssert.AreEqual(probabilities, kept);
    }

    [TestMethod]
    public void Multiclass_calibration_is_one_vs_rest_and_rows_sum_to_one()
    {
        var random = new Random(4);
        const int rows = 600, k = 3;
        var actual = new int[rows];
        var probabilities = new float[rows * k];
        for (var r = 0; r < rows; r++)
        {
            actual[r] = random.Next(k);
            var logits = Enumerable.Range(0, k).Select(c => (c == actual[r] ? 1.5 : 0) + 2 * random.NextDouble()).ToArray();
            // Overconfident softmax (temperature 1/3).
            var e = logits.Select(z => Math.Exp(3 * z)).ToArray();
            for (var c = 0; c < k; c++) probabilities[r * k + c] = (float)(e[c] / e.Sum());
        }
        foreach (var method in new[] { CalibrationMethod.Platt, CalibrationMethod.Isotonic })
        {
            var calibration = ProbabilityCalibration.Fit(method, actual, probabilities, k);
            Assert.AreEqual(k, calibration.Calibrators.Count);
            var calibrated = calibration.Apply(probabilities, k);
            for (var r = 0; r < rows; r++) Assert.AreEqual(1f, calibrated[r * k] + calibrated[r * k + 1] + calibrated[r * k + 2], 1e-5f, $"{method}, row {r}");
            Assert.IsTrue(ProbabilisticMetrics.LogLoss(actual, calibrated, k) < ProbabilisticMetrics.LogLoss(actual, probabilities, k), $"{method} lowers in-sample log loss");
        }
        var choice = CalibrationSelector.Select(actual, probabilities, k);
        Assert.AreNotEqual(CalibrationMethod.None, choice.Method);
    }

    [TestMethod]
    public void Bad_input_is_refused_clearly()
    {
        var error = Assert.ThrowsExactly<Errors.DataValueException>(() => CalibrationSelector.Select([0, 1], [0.5f, 0.5f, 0.2f, float.NaN], 2));
        StringAssert.Contains(error.Message, "row 1, class 1");
        Assert.ThrowsExactly<ArgumentException>(() => CalibrationSelector.Select([0, 1], [0.5f, 0.5f], 2));
        Assert.ThrowsExactly<Errors.DataValueException>(() => CalibrationSelector.Select([0, 2], [0.5f, 0.5f, 0.5f, 0.5f], 2));
    }
}
