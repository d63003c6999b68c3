using Pipelines.Data;
using Pipelines.Persistence;
using Pipelines.Trainers.Trees.Forest;

namespace Pipelines.Trainers.Tests.Trees;

[TestClass]
public sealed class ForestBehaviourTests
{
    [TestMethod]
    public void SameSeedSameForestAndThreadCountDoesNotMatter()
    {
        var data = WithMissing(TreeData.Binary(1500, 5, seed: 4));
        var one = new RandomForestClassifier { Trees = 24, Seed = 9, Threads = 1 }.Fit(data);
        var two = new RandomForestClassifier { Trees = 24, Seed = 9, Threads = 2 }.Fit(data);
        var again = new RandomForestClassifier { Trees = 24, Seed = 9, Threads = 2 }.Fit(data);
        var other = new RandomForestClassifier { Trees = 24, Seed = 10, Threads = 2 }.Fit(data);
        CollectionAssert.AreEqual(one.Predict(data), two.Predict(data));
        CollectionAssert.AreEqual(two.Predict(data), again.Predict(data));
        Assert.AreEqual(one.OutOfBagScore, two.OutOfBagScore);
        CollectionAssert.AreEqual(one.MeanDecreaseImpurity.ToArray(), two.MeanDecreaseImpurity.ToArray());
        CollectionAssert.AreNotEqual(one.Predict(data), other.Predict(data));

        var r1 = new ExtraTreesRegressor { Trees = 16, Seed = 3, Threads = 1 }.Fit(ForestTestData.Regression(800, 5));
        var r2 = new ExtraTreesRegressor { Trees = 16, Seed = 3, Threads = 2 }.Fit(ForestTestData.Regression(800, 5));
        CollectionAssert.AreEqual(r1.Predict(ForestTestData.Regression(200, 6)), r2.Predict(ForestTestData.Regression(200, 6)));
    }

    [TestMethod]
    public void SaveAndLoadPredictTheSame()
    {
        var binary = WithMissing(TreeData.Binary(400, 3, seed: 12));
        var regression = ForestTestData.Regression(400, 8);
        var cases = new (ForestModel Model, DataFrame Data)[]
        {
            (new RandomForestClassifier { Trees = 12, Seed = 1 }.Fit(binary), binary),
            (new ExtraTreesClassifier { Trees = 12, Seed = 1 }.Fit(TreeData.ThreeClasses(300, 3)), TreeData.ThreeClasses(300, 3)),
            (new RandomForestRegressor { Trees = 12, Seed = 1 }.Fit(regression), regression),
        };
        var folder = Directory.CreateTempSubdirectory("forest-");
        try
        {
            foreach (var (model, data) in cases)
            {
                var path = Path.Combine(folder.FullName, "model.plm");
                PipelineFile.Save(path, model, data.Schema);
                var loaded = (ForestModel)PipelineFile.Load(path).Model;
                CollectionAssert.AreEqual(model.Predict(data), loaded.Predict(data));
                Assert.AreEqual(model.OutOfBagScore, loaded.OutOfBagScore);
                CollectionAssert.AreEqual(model.MeanDecreaseImpurity.ToArray(), loaded.MeanDecreaseImpurity.ToArray());
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [TestMethod]
    public void ProbabilitiesAreMeansOfLeafSharesAndSumToOne()
    {
        var data = TreeData.ThreeClasses(400, 5);
        var model = new RandomForestClassifier { Trees = 7, MaxDepth = 4, Seed = 2 }.Fit(data);
        var p = model.Predict(data);
        for (var r = 0; r < data.RowCount; r++) Assert.AreEqual(1f, p[3 * r] + p[(3 * r) + 1] + p[(3 * r) + 2], 1e-5f);
        Assert.IsTrue(ForestTestData.Accuracy(model, data) > 0.85);
    }

    [TestMethod]
    public void ClassWeightsShiftTheProbabilities()
    {
        var data = TreeData.Binary(600, 3, seed: 6, noise: 1.5);
        var plain = new RandomForestClassifier { Trees = 20, MinSamplesLeaf = 20, Seed = 1 }.Fit(data);
        var weighted = new RandomForestClassifier { Trees = 20, MinSamplesLeaf = 20, Seed = 1, ClassWeights = new Dictionary<string, double> { ["pos"] = 5 } }.Fit(data);
        var k = plain.Classes.ToList().IndexOf("pos");
        var a = plain.Predict(data).Where((_, i) => i % 2 == k).Average();
        var b = weighted.Predict(data).Where((_, i) => i % 2 == k).Average();
        Assert.IsTrue(b > a + 0.1, $"mean P(pos) {a:F3} -> {b:F3}");
    }

    [TestMethod]
    public void BadOptionsAreRefusedWithTheirName()
    {
        var data = TreeData.Binary(50, 2, seed: 1);
        var e = Assert.ThrowsExactly<ArgumentException>(() => new RandomForestClassifier { Trees = 0 }.Fit(data));
        StringAssert.Contains(e.Message, "Trees");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => MaxFeatures.OfFraction(1.5));
        Assert.AreEqual(5, MaxFeatures.Sqrt.Resolve(30));
        Assert.AreEqual(4, MaxFeatures.Log2.Resolve(30));
        Assert.AreEqual(30, MaxFeatures.All.Resolve(30));
        Assert.AreEqual(9, MaxFeatures.OfFraction(0.3).Resolve(30));
        Assert.AreEqual(30, MaxFeatures.OfCount(50).Resolve(30));
    }

    private static DataFrame WithMissing(DataFrame data)
    {
        var values = data.Numeric("x0").ToArray();
        for (var i = 0; i < values.Length; i += 7) values[i] = float.NaN;
        return data.With(new NumericColumn("x0", values));
    }
}
