using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Trainers.Trees;
using Pipelines.Trainers.Trees.Boosting;
using Pipelines.Trainers.Trees.Growing;
using Pipelines.Trainers.Trees.Splitting;

namespace Pipelines.Trainers.Tests.Trees;

[TestClass]
public sealed class BoostingTests
{
    [TestMethod]
    public void OneSplitTreeMatchesHandComputedGainAndLeaves()
    {
        // y = [1, 1, 3, 3]; F0 = mean = 2; g = F0 - y = [1, 1, -1, -1]; h = 1; lambda = 1.
        // Cut x <= 2.5: G_L = 2, G_R = -2, H = 2 each: gain = (4/3 + 4/3 - 0) / 2 = 4/3; leaves -2/3 and +2/3.
        var data = new DataFrame([new NumericColumn("x", [1, 2, 3, 4]), new NumericColumn("y", [1, 1, 3, 3])], label: "y");
        var model = new GbdtRegressor { Rounds = 1, LearningRate = 1, MinChildSamples = 1, NumLeaves = 2, L2 = 1 }.Fit(data);
        Assert.AreEqual(2.0, model.BaseScores[0], 1e-12);
        var tree = model.Trees.Single();
        Assert.AreEqual(3, tree.NodeCount);
        Assert.AreEqual(2.5f, tree.Threshold[0]);
        Assert.AreEqual(-2.0 / 3, tree.LeafValue[tree.LeftChild[0]], 1e-7);
        Assert.AreEqual(2.0 / 3, tree.LeafValue[tree.RightChild[0]], 1e-7);
        Assert.AreEqual(4.0 / 3, model.GainImportance[0], 1e-6);
        Assert.AreEqual(1, model.SplitImportance[0]);
        CollectionAssert.AreEqual(new[] { 4f / 3, 4f / 3, 8f / 3, 8f / 3 }, model.Predict(data), new FloatTolerance(1e-6f));
    }

    [TestMethod]
    public void BinaryBoostingFitsAndStartsFromTheLogOdds()
    {
        var data = TreeData.Binary(600, 3, seed: 1);
        var model = new GbdtClassifier { Rounds = 30, Seed = 1 }.Fit(data);
        var positives = data.Categorical("y").Codes.ToArray().Count(c => c == 1);
        Assert.AreEqual(Math.Log(positives / (600.0 - positives)), model.BaseScores[0], 1e-9);
        var probabilities = model.Predict(data);
        var correct = Enumerable.Range(0, 600).Count(r => (probabilities[(2 * r) + 1] > 0.5 ? 1 : 0) == data.Categorical("y")[r]);
        Assert.IsTrue(correct > 540, $"training accuracy {correct}/600");
        Assert.AreEqual(30, model.Rounds);
    }

    [TestMethod]
    public void MulticlassGrowsOneTreePerClassPerRound()
    {
        var data = TreeData.ThreeClasses(500, 2);
        var model = new GbdtClassifier { Rounds = 12, Seed = 1 }.Fit(data);
        Assert.AreEqual(36, model.Trees.Count);
        Assert.AreEqual(3, model.BaseScores.Count);
        var p = model.Predict(data);
        for (var r = 0; r < 500; r++) Assert.AreEqual(1f, p[3 * r] + p[(3 * r) + 1] + p[(3 * r) + 2], 1e-5f);
        var correct = Enumerable.Range(0, 500).Count(r => Pipelines.Evaluation.ClassificationMetrics.ArgMax(p.AsSpan(3 * r, 3), 3)[0] == data.Categorical("y")[r]);
        Assert.IsTrue(correct > 440, $"training accuracy {correct}/500");
    }

    [TestMethod]
    public void SameSeedSameModelAndThreadCountDoesNotMatter()
    {
        var data = TreeData.Binary(20_000, 8, seed: 3);
        GbdtClassifier Options(int threads) => new() { Rounds = 5, NumLeaves = 15, RowSubsample = 0.8, ColumnSubsample = 0.7, Seed = 11, Threads = threads };
        var one = Options(1).Fit(data).Predict(data);
        var two = Options(2).Fit(data).Predict(data);
        var again = Options(2).Fit(data).Predict(data);
        CollectionAssert.AreEqual(one, two);
        CollectionAssert.AreEqual(two, again);
        var otherSeed = (Options(2) with { Seed = 12 }).Fit(data).Predict(data);
        CollectionAssert.AreNotEqual(two, otherSeed);
    }

    [TestMethod]
    public void ThreadCountDoesNotMatterWhenNodesAreBigEnoughToSplitRows()
    {
        // 100,000 rows: the gradient pass, the gradient gathering and the score update run in chunks on both threads.
        var data = TreeData.Binary(100_000, 6, seed: 5);
        GbdtClassifier Options(int threads) => new() { Rounds = 3, NumLeaves = 31, Seed = 2, Threads = threads };
        CollectionAssert.AreEqual(Options(1).Fit(data).Predict(data), Options(2).Fit(data).Predict(data));
    }

    [TestMethod]
    public void EarlyStoppingKeepsTheBestIteration()
    {
        // Pure-noise labels: the validation loss soon rises, so boosting stops and keeps the best round.
        var random = new Random(5);
        Labels NoiseLabels(int n) => new([.. Enumerable.Range(0, n).Select(_ => random.Next(2))], [], [.. Enumerable.Repeat(1f, n)]);
        Column[] Columns(int n) => [new NumericColumn("x", [.. Enumerable.Range(0, n).Select(_ => (float)random.NextDouble())])];
        var train = new BoostingData(Columns(400), NoiseLabels(400), null);
        var valid = new BoostingData(Columns(400), NoiseLabels(400), null);
        var settings = new BoostingSettings(200, 0.3, new GrowthParameters(15, -1, new SplitParameters(0, 1, 2, 1e-3, 0, 32, 10, 10, 100)),
            1, 1, 255, 1000, EarlyStoppingRounds: 4, Seed: 0, new ParallelOptions());
        var objective = new BinaryLogLoss();
        var result = Booster.Train(objective, train, valid, objective.InitScores(train.Labels), settings);
        var losses = result.ValidationLoss;
        var best = Enumerable.Range(0, losses.Count).MinBy(i => losses[i]);
        Assert.IsTrue(losses.Count < 200, "should have stopped early");
        Assert.AreEqual(best, result.BestRound);
        Assert.AreEqual(best + 1 + 4, losses.Count);
        Assert.AreEqual(best + 1, result.Trees.Count);
    }

    [TestMethod]
    public void EarlyStoppedModelEqualsOneTrainedForTheBestRoundCount()
    {
        var data = TreeData.Binary(800, 3, seed: 6, noise: 1.5);
        var validation = TreeData.Binary(400, 3, seed: 7, noise: 1.5);
        var stopped = new GbdtClassifier { Rounds = 300, LearningRate = 0.3, EarlyStoppingRounds = 5, Validation = validation, Seed = 2 }.Fit(data);
        Assert.IsTrue(stopped.Rounds < 300);
        var plain = new GbdtClassifier { Rounds = stopped.Rounds, LearningRate = 0.3, Seed = 2 }.Fit(data);
        CollectionAssert.AreEqual(plain.Predict(validation), stopped.Predict(validation));
    }

    [TestMethod]
    public void ValidationFractionIsUsedWhenNoFrameIsGiven()
    {
        var data = TreeData.Binary(800, 3, seed: 8, noise: 1.5);
        var model = new GbdtClassifier { Rounds = 300, LearningRate = 0.3, EarlyStoppingRounds = 5, ValidationFraction = 0.2, Seed = 2 }.Fit(data);
        Assert.IsTrue(model.Rounds is > 0 and < 300, $"{model.Rounds} rounds");
    }

    [TestMethod]
    public void WarmStartContinuesWhereTheModelStopped()
    {
        var data = TreeData.Binary(500, 3, seed: 9);
        var options = new GbdtClassifier { Rounds = 6, Seed = 4 };
        var first = options.Fit(data);
        var continued = (options with { InitModel = first }).Fit(data);
        var whole = (options with { Rounds = 12 }).Fit(data);
        Assert.AreEqual(12, continued.Rounds);
        CollectionAssert.AreEqual(whole.Predict(data), continued.Predict(data), new FloatTolerance(1e-5f));

        var other = TreeData.ThreeClasses(100, 1);
        Assert.ThrowsExactly<SchemaException>(() => (options with { InitModel = first }).Fit(other));
    }

    [TestMethod]
    public void ClassWeightsShiftTheDecisionTowardTheWeightedClass()
    {
        var data = TreeData.Binary(600, 3, seed: 10, noise: 1.0);
        double MeanPositive(GbdtClassifier o) => o.Fit(data).Predict(data).Where((_, i) => i % 2 == 1).Average(p => (double)p);
        var plain = MeanPositive(new GbdtClassifier { Rounds = 10 });
        var scaled = MeanPositive(new GbdtClassifier { Rounds = 10, ScalePosWeight = 4 });
        var named = MeanPositive(new GbdtClassifier { Rounds = 10, ClassWeights = new Dictionary<string, double> { ["neg"] = 4 } });
        Assert.IsTrue(scaled > plain + 0.05, $"{scaled} vs {plain}");
        Assert.IsTrue(named < plain - 0.05, $"{named} vs {plain}");
    }

    [TestMethod]
    public void BadOptionsAndLabelsAreRefusedClearly()
    {
        var data = TreeData.Binary(100, 2, seed: 11);
        Assert.ThrowsExactly<ArgumentException>(() => new GbdtClassifier { NumLeaves = 1 }.Fit(data));
        Assert.ThrowsExactly<ArgumentException>(() => new GbdtClassifier { RowSubsample = 0 }.Fit(data));
        var error = Assert.ThrowsExactly<SchemaException>(() => new GbdtRegressor().Fit(data));
        StringAssert.Contains(error.Message, "GbdtRegressor: label 'y' is categorical; regression needs a numeric label (use a classifier for classes)");
        var withText = data.With(new TextColumn("note", [.. Enumerable.Repeat<string?>("t", 100)]));
        Assert.ThrowsExactly<SchemaException>(() => new GbdtClassifier().Fit(withText));
    }

    private sealed class FloatTolerance(float tolerance) : System.Collections.IComparer
    {
        public int Compare(object? x, object? y) => Math.Abs((float)x! - (float)y!) <= tolerance ? 0 : 1;
    }
}
