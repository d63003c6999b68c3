using Pipelines.Calibration;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Evaluation;
using Pipelines.Persistence;
using Pipelines.Prediction;

namespace Pipelines.Tests.Calibration;

[TestClass]
public sealed class DecisionStepTests
{
    private static readonly string[] Classes = ["no", "yes"];

    [TestMethod]
    public void Writes_calibrated_probabilities_and_the_rules_label_in_place()
    {
        var step = new DecisionStep(Classes, new ProbabilityCalibration(CalibrationMethod.Platt, [new PlattCalibrator(0.5f, 0.2f)]), new ThresholdRule(1, 0.3f));
        var frame = Frame([0.1f, 0.4f, 0.9f]);
        var output = step.Transform(frame);
        Assert.AreEqual(step.GetOutputSchema(frame.Schema), output.Schema);
        CollectionAssert.AreEqual(frame.Schema.Columns.Select(c => c.Name).ToArray(), output.Schema.Columns.Select(c => c.Name).ToArray(), "columns keep their places");
        var yes = output.Numeric(PredictionColumns.Probability("yes"));
        var no = output.Numeric(PredictionColumns.Probability("no"));
        for (var r = 0; r < 3; r++)
        {
            var p = new PlattCalibrator(0.5f, 0.2f).Apply(frame.Numeric(PredictionColumns.Probability("yes"))[r]);
            Assert.AreEqual(p, yes[r]);
            Assert.AreEqual(1 - p, no[r]);
            Assert.AreEqual(p >= 0.3f ? "yes" : "no", output.Categorical(PredictionColumns.PredictedLabel).ValueAt(r));
        }
        Assert.AreEqual("x", output.LabelName, "the label role is kept");
    }

    [TestMethod]
    public void Adds_the_label_column_when_the_input_has_none()
    {
        var step = new DecisionStep(Classes, ProbabilityCalibration.None, ClassWeightRule.ArgMax(2));
        var frame = Frame([0.2f, 0.7f]).Without(PredictionColumns.PredictedLabel);
        var output = step.Transform(frame);
        Assert.AreEqual(PredictionColumns.PredictedLabel, output.Schema.Columns[^1].Name);
        Assert.AreEqual("yes", output.Categorical(PredictionColumns.PredictedLabel).ValueAt(1));
        Assert.IsTrue(frame.Numeric(PredictionColumns.Probability("yes")).ContentEquals(output.Numeric(PredictionColumns.Probability("yes"))), "None keeps probabilities exactly");
    }

    [TestMethod]
    public void Round_trips_through_a_pipeline_file()
    {
        var frame = Frame([0.05f, 0.3f, 0.45f, 0.6f, 0.95f]);
        var isotonic = IsotonicCalibrator.Fit([0.1f, 0.3f, 0.5f, 0.8f], [false, true, false, true]);
        var steps = new[]
        {
            new DecisionStep(Classes, new ProbabilityCalibration(CalibrationMethod.Isotonic, [isotonic]), new ThresholdRule(0, 0.6f)),
            new DecisionStep(Classes, new ProbabilityCalibration(CalibrationMethod.Platt, [new PlattCalibrator(1.3f, -0.4f)]), new ClassWeightRule([1f, 2.5f])),
        };
        var path = Path.Combine(Path.GetTempPath(), $"decision-{Guid.NewGuid():N}.model");
        try
        {
            foreach (var step in steps)
            {
                PipelineFile.Save(path, new TransformerChain([step]), frame.Schema);
                var loaded = (DecisionStep)((TransformerChain)PipelineFile.Load(path).Model).Steps[0];
                Assert.AreEqual(step.Rule.GetType(), loaded.Rule.GetType());
                Assert.AreEqual(step.Calibration.Method, loaded.Calibration.Method);
                Contract.ContractSuite.AssertFramesEqual(step.Transform(frame), loaded.Transform(frame), step.Rule.GetType().Name);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void Missing_probability_column_is_a_schema_error()
    {
        var step = new DecisionStep(Classes, ProbabilityCalibration.None, ClassWeightRule.ArgMax(2));
        var error = Assert.ThrowsExactly<SchemaException>(() => step.Transform(Frame([0.5f]).Without(PredictionColumns.Probability("yes"))));
        StringAssert.Contains(error.Message, "Probability.yes");
        Assert.ThrowsExactly<ArgumentException>(() => new DecisionStep(Classes, ProbabilityCalibration.None, ClassWeightRule.ArgMax(3)));
        Assert.ThrowsExactly<ArgumentException>(() => new DecisionStep(["a", "a"], ProbabilityCalibration.None, ClassWeightRule.ArgMax(2)));
    }

    [TestMethod]
    public void Fit_chooses_calibration_then_tunes_the_rule_on_the_cross_validated_calibrated_probabilities()
    {
        var (actual, probabilities) = CalibrationData.Overconfident(2000, sharpness: 3, seed: 9);
        var objective = DecisionObjective.Maximize(Metric.BalancedAccuracy);
        var fit = DecisionStep.FitWithReport(actual, probabilities, Classes, objective: objective);
        Assert.AreSame(fit.Calibration.Calibration, fit.Step.Calibration);
        Assert.AreSame(fit.Rule!.Rule, fit.Step.Rule);
        Assert.AreNotEqual(CalibrationMethod.None, fit.Calibration.Method, "overconfident scores get a calibration");
        // Tuned on each row's probabilities from the calibration fitted without the row's fold, not on the all-rows map
        // applied to the rows it was fitted on; the fixture tells the two apart.
        var crossValidated = fit.Calibration.CrossValidated!;
        var expected = DecisionRuleTuner.TuneHeldOut(actual, crossValidated, Classes, objective);
        Assert.AreEqual(ClassificationMetrics.BalancedAccuracy(actual, fit.Step.Rule.Decide(crossValidated, 2), 2), fit.Rule.Value, 1e-12);
        CollectionAssert.AreEqual(expected.CrossFitDecisions, fit.CrossFitLabels, "the rule's labels, cross-fitted through the calibration too");
        var allRows = DecisionRuleTuner.TuneHeldOut(actual, fit.Step.Calibration.Apply(probabilities, 2), Classes, objective);
        CollectionAssert.AreNotEqual(allRows.CrossFitDecisions, fit.CrossFitLabels);
        Assert.AreSame(fit.Rule.CrossFitDecisions, fit.CrossFitLabels, "the rule's labels, cross-fitted");
        var plain = DecisionStep.Fit(actual, probabilities, Classes, CalibrationOptions.Off);
        Assert.AreEqual(CalibrationMethod.None, plain.Calibration.Method);
        CollectionAssert.AreEqual(new[] { 1f, 1f }, ((ClassWeightRule)plain.Rule).Weights.ToArray(), "no objective: plain argmax");
        CollectionAssert.AreEqual(ClassWeightRule.ArgMax(2).Decide(probabilities, 2), DecisionStep.FitWithReport(actual, probabilities, Classes, CalibrationOptions.Off).CrossFitLabels,
            "argmax of the probabilities, with nothing to tune");
    }

    /// <summary>A classifier's output: a feature, the label x, PredictedLabel and the two probability columns.</summary>
    private static DataFrame Frame(float[] yes)
    {
        var no = yes.Select(p => 1 - p).ToArray();
        var labels = yes.Select(p => p > 0.5f ? 1 : 0).ToArray();
        return new DataFrame(
        [
            new NumericColumn("f", [.. yes.Select((_, i) => (float)i)]),
            new CategoricalColumn("x", labels, Classes),
            new CategoricalColumn(PredictionColumns.PredictedLabel, labels, Classes),
            new NumericColumn(PredictionColumns.Probability("no"), no),
            new NumericColumn(PredictionColumns.Probability("yes"), yes),
        ], label: "x");
    }
}
