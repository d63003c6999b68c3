using Pipelines.Prediction;
using Pipelines.Trainers.Compression;
using Pipelines.Trainers.Distillation;
using Pipelines.Trainers.Mlp;

namespace Pipelines.Trainers.Tests.Compression;

[TestClass]
public sealed class PruningTests
{
    [TestMethod]
    public void MagnitudePruningReachesTheSparsityAndMasksStayZeroThroughFineTuning()
    {
        var model = IrisFixture.Model;
        var pruning = new MagnitudePruning { Sparsity = 0.6, PruningSteps = 3, EpochsPerStep = 2, FineTuneEpochs = 5, LearningRate = 0.01f, Seed = 1 };
        var result = pruning.Compress(model, IrisFixture.Train, IrisFixture.Test);
        for (var i = 0; i < model.Layers.Count; i++)
        {
            var weights = result.Model.Layers[i].Weight;
            var zeros = weights.Count(w => w == 0);
            Assert.AreEqual((int)Math.Round(0.6 * weights.Length), zeros, $"layer {i}: zeros after fine-tuning");
            Assert.IsTrue(weights.Any(w => w != 0));
        }
        Assert.AreEqual(result.Report.ParametersBefore, result.Report.ParametersAfter);
        Assert.IsTrue(result.Report.NonZerosAfter < result.Report.NonZerosBefore * 0.5);
        Assert.IsTrue(result.Report.AccuracyAfter >= 0.85, result.Report.ToString());
        // The same options and seed give the same pruned model.
        CollectionAssert.AreEqual(result.Model.Predict(IrisFixture.Test), pruning.Compress(model, IrisFixture.Train, IrisFixture.Test).Model.Predict(IrisFixture.Test));
    }

    [TestMethod]
    public void GradualScheduleRisesToTheTarget()
    {
        var values = Enumerable.Range(1, 4).Select(t => MagnitudePruning.Schedule(0.8, t, 4)).ToArray();
        for (var t = 1; t < values.Length; t++) Assert.IsTrue(values[t] > values[t - 1]);
        Assert.AreEqual(0.8, values[^1], 1e-12);
    }

    [TestMethod]
    public void MaskKeepsAlreadyPrunedWeightsPruned()
    {
        float[] weights = [0.5f, -0.1f, 0.9f, 0.2f];
        float[] mask = [0, 1, 1, 1];
        MagnitudePruning.Mask(weights, mask, 0.5);
        CollectionAssert.AreEqual(new float[] { 0, 0, 1, 1 }, mask);
    }

    [TestMethod]
    public void StructuredPruningShrinksShapesConsistently()
    {
        var model = IrisFixture.Model;
        var result = new StructuredPruning { WidthFraction = 0.5, FineTuneEpochs = 5, LearningRate = 0.01f, Seed = 1 }.Compress(model, IrisFixture.Train, IrisFixture.Test);
        var layers = result.Model.Layers;
        CollectionAssert.AreEqual(new[] { 8, 4, 3 }, layers.Select(l => l.Outputs).ToArray());
        CollectionAssert.AreEqual(new[] { 4, 8, 4 }, layers.Select(l => l.Inputs).ToArray());
        Assert.IsTrue(result.Report.ParametersAfter < result.Report.ParametersBefore);
        Assert.AreEqual(ModelSize.Parameters(result.Model), result.Report.ParametersAfter);
        Assert.IsTrue(result.Report.AccuracyAfter >= 0.8, result.Report.ToString());
    }

    [TestMethod]
    public void RemovingUnitsThatContributeNothingKeepsPredictions()
    {
        // Units 1 and 3 have the smallest incoming weights and no outgoing weights, so removing them changes nothing.
        var hidden = new MlpLayer(2, 4, [1, 2, 0.1f, 0, -3, 1, 0, 0.05f], [0.1f, 5, -0.2f, 7], MlpActivation.Relu);
        var output = new MlpLayer(4, 2, [1, 0, -1, 0, 0.5f, 0, 2, 0], [0, 0.3f], MlpActivation.Identity);
        var model = new MlpModel(Data.PredictionTask.BinaryClassification, ["a", "b"], ["x", "y"], [0, 0], [1, 1], [hidden, output], 0, 1);
        var shrunk = StructuredPruning.Shrink(model.Layers, 0.5);
        Assert.AreEqual(2, shrunk[0].Outputs);
        Assert.AreEqual(2, shrunk[1].Inputs);
        var pruned = new MlpModel(model.Task, model.Features, model.Classes, model.InputMean, model.InputScale, shrunk, 0, 1);
        var frame = new Data.DataFrame([new Data.NumericColumn("a", [0.3f, -1, 2]), new Data.NumericColumn("b", [1, 0.5f, -0.7f])]);
        var expected = model.Predict(frame);
        var actual = pruned.Predict(frame);
        for (var i = 0; i < expected.Length; i++) Assert.AreEqual(expected[i], actual[i], 1e-6);
    }
}
