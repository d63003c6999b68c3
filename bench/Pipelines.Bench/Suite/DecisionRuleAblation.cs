using Pipelines.AutoML.Experiments;
using Pipelines.Calibration;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.Prediction;

namespace Pipelines.Bench.Suite;

/// <summary>
/// What ours' decision rule is worth on a split, paired on one fitted model: the test macro-F1 of its calibrated
/// probabilities decided by argmax, by the rule tuned on all out-of-fold rows and kept unchecked, and by the rule that
/// <see cref="DecisionRuleTuner.TuneHeldOut"/> keeps from the same rows with each of <see cref="Margins"/> (the unchecked
/// rule where its held-out gain clears the margin, argmax elsewhere), all tuned as shipped on the cross-validated
/// calibrated probabilities (<see cref="CalibrationChoice.CrossValidated"/>); and by the rule the same check keeps when
/// tuned on the out-of-fold probabilities through the calibration fitted on all of them (as shipped before the rule's
/// tuning was cross-fitted through the calibration). The search and the model are the same in every variant, so the
/// differences are the rule's alone, free of a timed search's noise. Recorded beside ours' metrics as
/// <c>macro_f1_argmax</c>, <c>macro_f1_unchecked</c>, <c>macro_f1_margin_M</c> and <c>macro_f1_all_rows_calibrated</c>;
/// the report's tables do not read them.
/// </summary>
internal static class DecisionRuleAblation
{
    /// <summary>The margins compared (standard errors of the held-out gain); the shipped one is among them.</summary>
    public static readonly double[] Margins = [DecisionRuleTuner.DefaultMargin, 0.5, 1];

    public const string ArgMaxKey = "macro_f1_argmax";

    public const string UncheckedKey = "macro_f1_unchecked";

    public const string AllRowsCalibratedKey = "macro_f1_all_rows_calibrated";

    public static string MarginKey(double margin) => FormattableString.Invariant($"macro_f1_margin_{margin:0.#}");

    /// <summary>
    /// The variants' test macro-F1, or none where ours was not searching for macro-F1 (then it tunes no macro-F1 rule)
    /// or the model's classes differ from the data's.
    /// </summary>
    public static IReadOnlyDictionary<string, double> Measure(ExperimentResult result, SuiteCase suiteCase, DataFrame predicted)
    {
        var target = suiteCase.Data.Target;
        if (result.Metric != Metric.MacroF1 || result.Decision?.Rule is null || !result.Classes.SequenceEqual(target.Classes)) return new Dictionary<string, double>();
        var objective = DecisionObjective.Maximize(Metric.MacroF1);
        var k = result.Classes.Count;
        var train = suiteCase.Data.Fold.Train;
        var oofActual = target.CodesOf([.. result.ValidationRows.Select(v => train[v])]);
        var allRowsCalibrated = result.Decision.Calibration.Calibration.Apply(result.OutOfFold, k);
        var oofCalibrated = result.Decision.Calibration.OutOfFold(result.OutOfFold, k);
        // The shipped model's probability columns are already calibrated by its decision step.
        var test = FeatureMatrix.RowMajor(predicted, [.. result.Classes.Select(PredictionColumns.Probability)]);
        var testActual = target.CodesOf(suiteCase.TestRows);
        var argMax = ClassificationMetrics.MacroF1(testActual, ClassWeightRule.ArgMax(k).Decide(test, k), k);
        var tuned = ClassificationMetrics.MacroF1(testActual, DecisionRuleTuner.Tune(oofActual, oofCalibrated, result.Classes, objective).Rule.Decide(test, k), k);
        var scores = new Dictionary<string, double>(StringComparer.Ordinal) { [ArgMaxKey] = argMax, [UncheckedKey] = tuned };
        // One held-out check serves every margin: its gain and standard error are the same whatever the margin, only the
        // bar differs (the error is computed wherever the gain is positive and the margin is not 0, so with the largest).
        var check = DecisionRuleTuner.TuneHeldOut(oofActual, oofCalibrated, result.Classes, objective, Margins.Max());
        var gain = check.HeldOutValue!.Value - check.ArgMaxValue;
        foreach (var margin in Margins) scores[MarginKey(margin)] = gain > 0 && gain > margin * (check.HeldOutStandardError ?? 0) ? tuned : argMax;
        // The shipped check on the probabilities through the calibration fitted on all of them, rows it then scores
        // included (the same as shipped where the calibration is None).
        scores[AllRowsCalibratedKey] = ClassificationMetrics.MacroF1(testActual, DecisionRuleTuner.TuneHeldOut(oofActual, allRowsCalibrated, result.Classes, objective).Rule.Decide(test, k), k);
        return scores;
    }
}
