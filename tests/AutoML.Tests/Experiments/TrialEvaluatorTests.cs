using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Tuners;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Tests.Experiments;

[TestClass]
public sealed class TrialEvaluatorTests
{
    [TestMethod]
    public void Validation_rows_predicted_in_passes_are_the_predictions_of_one_pass()
    {
        // Two folds of three passes' rows: each fold's validation part takes two passes, the second a partial one.
        var frame = Frame(3 * TrialEvaluator.PredictedRowsPerPass);
        var task = LabelTask.Detect(frame);
        var plan = ValidationPlan.Create(frame, folds: 2, seed: 0);
        Assert.IsTrue(plan.Folds.All(f => f.Test.Length > TrialEvaluator.PredictedRowsPerPass));
        var target = ExperimentTarget.Of(frame, task);
        ILearnerSpace[] learners = [new LinearLearnerSpace()];
        var space = SearchSpaceCatalog.Create(frame.Schema, task, learners);
        var parameters = SearchSpaceCatalog.LibraryDefaultTrials(space, frame.Schema, task, learners)["linear"];
        EstimatorChain Build(Parameters p, int seed) => PipelineFactory.Create(p, frame.Schema, task, learners, seed);
        var evaluator = new TrialEvaluator(frame, target, plan, new TrialScorer(target, Metric.LogLoss, DecisionPolicy.Auto), Build, seed: 0);

        var result = evaluator.Evaluate(new Trial(0, [], parameters), []);

        var expected = new float[plan.ValidationRows.Count * target.Width];
        for (var f = 0; f < plan.Folds.Count; f++)
        {
            var fold = plan.Folds[f];
            var model = Build(parameters, plan.ModelSeed(0, f)).Fit(frame.Take(fold.Train));
            var predicted = new float[fold.Test.Length * target.Width];
            target.ReadPredictions(model.Transform(frame.Take(fold.Test)), predicted, 0);
            for (var i = 0; i < fold.Test.Length; i++)
                predicted.AsSpan(i * target.Width, target.Width).CopyTo(expected.AsSpan(plan.Position[fold.Test[i]] * target.Width));
        }
        CollectionAssert.AreEqual(expected, result.OutOfFold);
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
