using Pipelines.Calibration;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.Export.Onnx;
using Pipelines.Prediction;
using Pipelines.Trainers.LinearModels;
using Pipelines.Trainers.Trees;
using Pipelines.Transforms.Cleaning;
using Pipelines.Transforms.Normalization;

namespace Pipelines.Export.Tests.Onnx;

/// <summary>
/// Classifiers followed by a <see cref="DecisionStep"/> (Platt or isotonic calibration; a threshold or class weights),
/// exported and run in ONNX Runtime on held-out rows: labels identical, probabilities within 1e-5, and the rule really
/// changes some labels from the plain argmax.
/// </summary>
[TestClass]
public sealed class DecisionStepParityTests
{
    [TestMethod]
    public void Binary_platt_and_threshold() =>
        Check("breast_cancer.csv", "diagnosis", new ZScoreNormalize().Append(new LogisticRegression()), CalibrationMethod.Platt, DecisionObjective.PositiveClassF1("benign"));

    [TestMethod]
    public void Binary_isotonic_and_threshold_on_gbdt_with_missing_values() =>
        Check("messy_churn.csv", "churned", new ClipOutliers().Append(new GbdtClassifier { Rounds = 30, Seed = 3 }), CalibrationMethod.Isotonic, DecisionObjective.Maximize(Metric.MacroF1));

    [TestMethod]
    public void Binary_threshold_on_the_first_class_without_calibration() =>
        Check("messy_churn.csv", "churned", new ClipOutliers().Append(new GbdtClassifier { Rounds = 30, Seed = 3 }), CalibrationMethod.None, DecisionObjective.PositiveClassF1("no"));

    [TestMethod]
    public void Multiclass_isotonic_and_class_weights() =>
        Check("wine.csv", "cultivar", new SoftmaxRegression { L2 = 10 }, CalibrationMethod.Isotonic, DecisionObjective.Maximize(Metric.BalancedAccuracy));

    [TestMethod]
    public void Multiclass_platt_and_class_weights_on_gbdt() =>
        Check("digits.csv.gz", "digit", new GbdtClassifier { Rounds = 8, NumLeaves = 7, Seed = 3 }, CalibrationMethod.Platt, DecisionObjective.Maximize(Metric.MacroF1));

    [TestMethod]
    public void Isotonic_tables_of_different_lengths_including_a_single_knot()
    {
        var (train, test) = LearnerData.Split("iris.csv", "species");
        var model = new SoftmaxRegression { L2 = 1 }.Fit(train);
        var (actual, probabilities) = Probabilities(model, train, model.Classes);
        var fitted = ProbabilityCalibration.Fit(CalibrationMethod.Isotonic, actual, probabilities, 3);
        var calibrators = new Calibrator[] { new IsotonicCalibrator([0.5f], [0.3f]), fitted.Calibrators[1], new IsotonicCalibrator([0.2f, 0.6f], [0.1f, 0.9f]) };
        Assert.IsTrue(((IsotonicCalibrator)calibrators[1]).X.Count > 2, "the fitted table is longer than the others");
        var step = new DecisionStep(model.Classes, new ProbabilityCalibration(CalibrationMethod.Isotonic, calibrators), new ClassWeightRule([1f, 1.5f, 0.8f]));
        LearnerParity.Assert(new TransformerChain([model, step]), train, test);
    }

    [TestMethod]
    public void Calibrated_classifier_with_cross_fitted_choice_exports_whole()
    {
        var (train, test) = LearnerData.Split("messy_churn.csv", "churned");
        var estimator = new CalibratedClassifier(new GbdtClassifier { Rounds = 20, NumLeaves = 7, Seed = 3 })
        {
            Folds = 3,
            Calibration = new CalibrationOptions { OneStandardErrorRule = false },
            Objective = DecisionObjective.Maximize(Metric.BalancedAccuracy),
        };
        var fitted = estimator.Fit(train);
        Assert.IsInstanceOfType<DecisionStep>(fitted.Steps[^1]);
        var model = LearnerParity.Assert(fitted, train, test);
        CollectionAssert.AreEqual(new[] { OnnxLearnerOutputs.PredictedLabel, OnnxLearnerOutputs.Probability }, model.Graph.Output.Select(o => o.Name).ToArray());
    }

    [TestMethod]
    public void A_decision_step_without_a_classifier_before_it_is_refused()
    {
        var (train, _) = LearnerData.Split("iris.csv", "species");
        var classes = train.Categorical("species").Categories;
        var scores = new TransformerChain([new ProbabilityColumns(classes), new DecisionStep(classes, ProbabilityCalibration.None, ClassWeightRule.ArgMax(classes.Count))]);
        var registry = Pipelines.Export.Onnx.Conversion.OnnxConverterRegistry.Default.With(new ProbabilityColumnsConverter());
        var error = Assert.ThrowsExactly<OnnxExportException>(() => OnnxExporter.Export(scores, train, new OnnxExportOptions(Registry: registry)));
        StringAssert.Contains(error.Message, "no classifier before it declares the Probability output");
    }

    /// <summary>
    /// Fits <paramref name="learner"/>, then a decision step on its training-row probabilities (forced <paramref name="method"/>,
    /// rule tuned for <paramref name="objective"/>), and checks ONNX Runtime against Transform on the held-out rows.
    /// </summary>
    private static void Check(string file, string label, IEstimator<ITransformer> learner, CalibrationMethod method, DecisionObjective objective)
    {
        var (train, test) = LearnerData.Split(file, label);
        var model = learner.Fit(train);
        var steps = model is TransformerChain chain ? chain.Steps : [model];
        var classes = ((IPredictor)steps[^1]).Classes;
        var k = classes.Count;
        var (actual, probabilities) = Probabilities(model, train, classes);
        var calibration = ProbabilityCalibration.Fit(method, actual, probabilities, k);
        var rule = DecisionRuleTuner.Tune(actual, calibration.Apply(probabilities, k), classes, objective).Rule;
        var fitted = new TransformerChain([.. steps, new DecisionStep(classes, calibration, rule)]);

        LearnerParity.Assert(fitted, train, test);

        var plain = model.Transform(test).Categorical(PredictionColumns.PredictedLabel).Codes.ToArray();
        var decided = fitted.Transform(test).Categorical(PredictionColumns.PredictedLabel).Codes.ToArray();
        Assert.IsTrue(plain.Where((c, i) => c != decided[i]).Any(), "the rule changes some held-out labels, so the parity check covers it");
    }

    private static (int[] Actual, float[] Probabilities) Probabilities(ITransformer model, DataFrame frame, IReadOnlyList<string> classes)
    {
        var output = model.Transform(frame);
        var actual = frame.Categorical(frame.LabelName!).Recode(classes).Codes.ToArray();
        return (actual, FeatureMatrix.RowMajor(output, [.. classes.Select(PredictionColumns.Probability)]));
    }

    /// <summary>A stand-in step that outputs probability columns but declares no classifier outputs in the graph.</summary>
    private sealed class ProbabilityColumns(IReadOnlyList<string> classes) : ITransformer
    {
        public IReadOnlyList<string> Classes { get; } = classes;

        public DataSchema GetOutputSchema(DataSchema input) =>
            new([.. input.Columns, .. Classes.Select(c => new ColumnSchema(PredictionColumns.Probability(c), ColumnKind.Numeric))]);

        public DataFrame Transform(DataFrame input)
        {
            var result = input;
            foreach (var c in Classes) result = result.With(new NumericColumn(PredictionColumns.Probability(c), new float[input.RowCount]));
            return result;
        }
    }

    private sealed class ProbabilityColumnsConverter : Pipelines.Export.Onnx.Conversion.OnnxConverter<ProbabilityColumns>
    {
        protected override void Convert(ProbabilityColumns transformer, Pipelines.Export.Onnx.Conversion.OnnxConversionContext context)
        {
            // Defines nothing: the frame has the columns, the graph declares no Probability output.
        }
    }
}
