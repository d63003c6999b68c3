using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Tuners;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.Sampling;
using Pipelines.Transforms.Cleaning;

namespace Pipelines.AutoML.Tests.Experiments;

[TestClass]
public sealed class TrialEvaluatorTests
{
    [TestMethod]
    public void Validation_rows_predicted_in_passes_are_the_predictions_of_one_pass()
    {
        // Two folds of three passes' rows: each fold's validation part takes two passes, the second a partial one.
        var frame = Frame(3 * TrialEvaluator.PredictedRowsPerPass);
        var (evaluator, plan, target, parameters, build) = LinearTrials(frame);
        Assert.IsTrue(plan.Folds.All(f => f.Test.Length > TrialEvaluator.PredictedRowsPerPass));

        var result = evaluator.Evaluate(new Trial(0, [], parameters), new TrialProgress());

        var expected = new float[plan.ValidationRows.Count * target.Width];
        for (var f = 0; f < plan.Folds.Count; f++)
        {
            var fold = plan.Folds[f];
            var model = build(parameters, plan.ModelSeed(0, f)).Fit(frame.Take(fold.Train));
            var predicted = new float[fold.Test.Length * target.Width];
            target.ReadPredictions(model.Transform(frame.Take(fold.Test)), predicted, 0);
            for (var i = 0; i < fold.Test.Length; i++)
                predicted.AsSpan(i * target.Width, target.Width).CopyTo(expected.AsSpan(plan.Position[fold.Test[i]] * target.Width));
        }
        CollectionAssert.AreEqual(expected, result.OutOfFold);
    }

    [TestMethod]
    public void A_trial_limited_to_fewer_repeats_averages_the_repeats_it_ran()
    {
        // 300 rows: two folds, three repeats. Limited to one repeat, the trial is the plain two-fold of the seed, whose
        // folds and model seeds are the first repeat's.
        var frame = Frame(300);
        var (repeated, plan, _, parameters, _) = LinearTrials(frame);
        Assert.AreEqual(3, plan.Repeats);
        var (once, _, _, _, _) = LinearTrials(frame, repeats: 1);

        var limited = new TrialProgress();
        limited.LimitRepeats(1);
        var first = repeated.Evaluate(new Trial(0, [], parameters), limited);
        var all = new TrialProgress();
        var averaged = repeated.Evaluate(new Trial(1, [], parameters), all);

        Assert.AreEqual(2, limited.FoldsDone);
        Assert.AreEqual(6, all.FoldsDone);
        CollectionAssert.AreEqual(once.Evaluate(new Trial(2, [], parameters), new TrialProgress()).OutOfFold, first.OutOfFold, new FloatTolerance(1e-6f));
        CollectionAssert.AreNotEqual(first.OutOfFold, averaged.OutOfFold, new FloatTolerance(1e-6f), "three repeats average three partitions' models");
        Assert.IsTrue(averaged.OutOfFold.Chunk(2).All(p => Math.Abs(p[0] + p[1] - 1) < 1e-5), "the average over repeats is a distribution");
    }

    [TestMethod]
    public void A_trial_on_a_sample_predicts_the_class_shares_of_all_rows()
    {
        // 60 of 4,000 rows are the rare class. A sample of a quarter keeps all its rows (at least 100 per class), where
        // it is four times as frequent, so the sample's model predicts it about four times as often as the refit on all
        // rows will; its out-of-fold probabilities are put back on the rows' shares.
        var (evaluator, _, target, parameters, _) = LinearTrials(Imbalanced(4_000, rare: 60));
        var rare = target.Classes.ToList().IndexOf("rare");

        var sampled = evaluator.Evaluate(new Trial(0, [], parameters) { SampleSize = 1_000 }, new TrialProgress()).OutOfFold;
        var all = evaluator.Evaluate(new Trial(1, [], parameters), new TrialProgress()).OutOfFold;

        double MeanRare(float[] outOfFold) => Enumerable.Range(0, outOfFold.Length / 2).Average(i => outOfFold[i * 2 + rare]);
        var share = 60.0 / 4_000;
        Assert.AreEqual(share, MeanRare(all), 0.3 * share);
        Assert.AreEqual(share, MeanRare(sampled), 0.3 * share);
    }

    [TestMethod]
    public void Prior_shift_factors_are_the_shares_of_the_rows_over_those_of_the_sample()
    {
        // Rows: 8 of class 0, 2 of class 1; the sample keeps 2 and 2.
        var factors = SamplePriorShift.Factors([0, 0, 0, 0, 0, 0, 0, 0, 1, 1], [0, 0, 1, 1], classes: 2)!;
        Assert.AreEqual(0.8 / 0.5, factors[0], 1e-12);
        Assert.AreEqual(0.2 / 0.5, factors[1], 1e-12);
        float[] probabilities = [0.5f, 0.5f, 0.2f, 0.8f];
        SamplePriorShift.Apply(probabilities, factors);
        CollectionAssert.AreEqual(new[] { 0.8f, 0.2f, 0.5f, 0.5f }, probabilities, new FloatTolerance(1e-6f));
        Assert.IsNull(SamplePriorShift.Factors([0, 1, 0, 1], [0, 1], classes: 2), "a sample of the same shares needs no correction");
    }

    [TestMethod]
    public void A_chain_that_rebalances_classes_sets_its_own_class_shares()
    {
        var learner = new LinearLearnerSpace().Create(new LinearLearnerSpace().Space(PredictionTask.BinaryClassification).Default, PredictionTask.BinaryClassification, 0);
        Assert.IsFalse(SamplePriorShift.SetsClassShares(new EstimatorChain([new ImputeMissing(), learner])));
        Assert.IsTrue(SamplePriorShift.SetsClassShares(new EstimatorChain([new ClassWeights(), learner])));
        Assert.IsTrue(SamplePriorShift.SetsClassShares(new EstimatorChain([new RandomOverSample(), learner])));
        Assert.IsTrue(SamplePriorShift.SetsClassShares(new EstimatorChain([new Smote(), learner])));
    }

    /// <summary>
    /// An evaluator of two-fold trials of the linear learner on <paramref name="frame"/> (repeated as the plan chooses,
    /// or <paramref name="repeats"/> times), with its library-defaults parameters.
    /// </summary>
    private static (TrialEvaluator Evaluator, ValidationPlan Plan, ExperimentTarget Target, Parameters Parameters, Func<Parameters, int, EstimatorChain> Build) LinearTrials(DataFrame frame, int? repeats = null)
    {
        var task = LabelTask.Detect(frame);
        var plan = ValidationPlan.Create(frame, folds: 2, seed: 0, repeats);
        var target = ExperimentTarget.Of(frame, task);
        ILearnerSpace[] learners = [new LinearLearnerSpace()];
        var space = SearchSpaceCatalog.Create(frame.Schema, task, learners);
        var parameters = SearchSpaceCatalog.LibraryDefaultTrials(space, frame.Schema, task, learners)["linear"];
        EstimatorChain Build(Parameters p, int seed) => PipelineFactory.Create(p, frame.Schema, task, learners, seed);
        return (new TrialEvaluator(frame, target, plan, new TrialScorer(target, Metric.LogLoss, DecisionPolicy.Auto), Build, seed: 0), plan, target, parameters, Build);
    }

    private sealed class FloatTolerance(float tolerance) : System.Collections.IComparer
    {
        public int Compare(object? x, object? y) => Math.Abs((float)x! - (float)y!) <= tolerance ? 0 : 1;
    }

    private static DataFrame Imbalanced(int rows, int rare)
    {
        var random = new Random(11);
        var x = new float[rows];
        var y = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            y[i] = i % (rows / rare) == 0 ? 1 : 0;
            x[i] = (float)(random.NextDouble() * 2 - 1 + y[i]);
        }
        return new DataFrame([new NumericColumn("x", x), new CategoricalColumn("y", y, ["common", "rare"])], label: "y");
    }

    private static DataFrame Frame(int rows)
    {
        var random = new Random(7);
        var x = new float[rows];
        var c = new int[rows];
        var y = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            x[i] = i % 41 == 0 ? float.NaN : (float)random.NextDouble() * 4 - 2;
            c[i] = i % 53 == 0 ? CategoricalColumn.Missing : random.Next(3);
            y[i] = x[i] + (c[i] == 1 ? 1 : 0) + random.NextDouble() > 1 ? 1 : 0;
        }
        return new DataFrame([new NumericColumn("x", x), new CategoricalColumn("c", c, ["a", "b", "z"]), new CategoricalColumn("y", y, ["no", "yes"])], label: "y");
    }
}
