using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Persistence;
using Pipelines.Prediction;
using Pipelines.Trainers.Trees;
using Pipelines.Trainers.Trees.Prediction;

namespace Pipelines.Trainers.Tests.Trees;

[TestClass]
public sealed class PredictionTests
{
    private static DataFrame Regression(float[] x, string?[] colors, float[] y) =>
        new([new NumericColumn("x", x), CategoricalColumn.FromValues("color", colors), new NumericColumn("y", y)], label: "y");

    [TestMethod]
    public void MissingValuesFollowTheLearnedDirection()
    {
        // Large x and NaN give 10; small x gives 0: NaN must land with the large values.
        var x = new List<float>();
        var y = new List<float>();
        for (var i = 0; i < 60; i++)
        {
            x.Add(i % 3 == 0 ? float.NaN : i);
            y.Add(i % 3 == 0 || i >= 30 ? 10.5f : 0.25f);
        }
        var data = new DataFrame([new NumericColumn("x", [.. x]), new NumericColumn("y", [.. y])], label: "y");
        var model = new GbdtRegressor { Rounds = 1, LearningRate = 1, MinChildSamples = 5, NumLeaves = 2, L2 = 0 }.Fit(data);
        var tree = model.Trees[0];
        Assert.IsFalse(tree.DefaultLeft[0]);
        var probe = new DataFrame([new NumericColumn("x", [float.NaN, 1, 50])]);
        var p = model.Predict(probe);
        Assert.AreEqual(10.5f, p[0], 1e-4f);
        Assert.AreEqual(0.25f, p[1], 1e-4f);
        Assert.AreEqual(10.5f, p[2], 1e-4f);
    }

    [TestMethod]
    public void CategoricalSplitsMatchByNameAndSendUnseenCategoriesRight()
    {
        string[] names = ["a", "b", "c", "d", "e", "f"];
        var colors = new List<string?>();
        var y = new List<float>();
        for (var i = 0; i < 120; i++)
        {
            var c = names[i % 6];
            colors.Add(c);
            y.Add(c is "a" or "c" or "e" ? 5 : -5.5f);
        }
        var data = Regression([.. Enumerable.Range(0, 120).Select(_ => 0f)], [.. colors], [.. y]);
        // Any group size: 60 rows a side are fewer than LightGBM's 100; no CatL2, so the leaves hold the classes' means.
        var model = new GbdtRegressor { Rounds = 1, LearningRate = 1, MinChildSamples = 5, NumLeaves = 2, L2 = 0, CatL2 = 0, MinDataPerGroup = 1 }.Fit(data);
        var tree = model.Trees[0];
        var left = tree.LeftCategories[0].ToHashSet();
        Assert.IsTrue(left.SetEquals(["a", "c", "e"]) || left.SetEquals(["b", "d", "f"]), string.Join(",", left));
        var rightValue = tree.LeafValue[tree.RightChild[0]] + model.BaseScores[0];

        // A dictionary in another order, an unseen category and a missing one.
        var probe = new DataFrame([
            new NumericColumn("x", [0, 0, 0, 0]),
            new CategoricalColumn("color", [0, 1, 2, -1], ["f", "zzz", "a"])]);
        var p = model.Predict(probe);
        Assert.AreEqual(-5.5f, p[0], 1e-4f);
        Assert.AreEqual((float)rightValue, p[1], 1e-4f, "unseen goes right");
        Assert.AreEqual(5f, p[2], 1e-4f);
    }

    [TestMethod]
    public void SaveAndLoadPredictTheSame()
    {
        var data = TreeData.Binary(400, 3, seed: 12);
        var values = data.Numeric("x0").ToArray();
        for (var i = 0; i < values.Length; i += 7) values[i] = float.NaN;
        data = data.With(new NumericColumn("x0", values));
        foreach (var model in new[]
        {
            new GbdtClassifier { Rounds = 10, Seed = 1 }.Fit(data),
            new GbdtClassifier { Rounds = 5, Seed = 1 }.Fit(TreeData.ThreeClasses(300, 3)),
        })
        {
            var frame = model.Classes.Count == 2 ? data : TreeData.ThreeClasses(300, 3);
            var path = Path.Combine(Path.GetTempPath(), $"gbdt-{Guid.NewGuid():N}.model");
            try
            {
                PipelineFile.Save(path, model, frame.Schema);
                var loaded = (GbdtModel)PipelineFile.Load(path).Model;
                CollectionAssert.AreEqual(model.Predict(frame), loaded.Predict(frame));
                CollectionAssert.AreEqual(model.GainImportance.ToArray(), loaded.GainImportance.ToArray());
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    [TestMethod]
    public void GainImportanceFavoursTheInformativeFeature()
    {
        var data = TreeData.Binary(600, 4, seed: 13);
        var model = new GbdtClassifier { Rounds = 20 }.Fit(data);
        var importances = model.FeatureImportances.ToDictionary(f => f.Name, f => f.Importance);
        Assert.AreEqual(5, importances.Count);
        Assert.IsTrue(importances["x0"] > importances["x2"] && importances["x0"] > importances["x3"]);
        Assert.IsTrue(model.SplitImportance.Sum() > 0);
    }

    [TestMethod]
    public void TransformAddsLabelAndProbabilitiesAndChecksKinds()
    {
        var data = TreeData.Binary(200, 2, seed: 14);
        var model = new GbdtClassifier { Rounds = 3 }.Fit(data);
        var output = model.Transform(data);
        Assert.IsTrue(output.Contains(PredictionColumns.PredictedLabel));
        Assert.IsTrue(output.Contains(PredictionColumns.Probability("pos")));
        var wrongKind = data.With(new NumericColumn("cat", new float[200]));
        Assert.ThrowsExactly<SchemaException>(() => model.Predict(wrongKind));
    }

    [TestMethod]
    public void ConstantColumnsGiveFiniteOutput()
    {
        var data = TreeData.Binary(100, 2, seed: 15)
            .With(new NumericColumn("flat", [.. Enumerable.Repeat(5f, 100)]))
            .With(CategoricalColumn.FromValues("same", [.. Enumerable.Repeat<string?>("a", 100)]));
        var p = new GbdtClassifier { Rounds = 5 }.Fit(data).Predict(data);
        Assert.IsTrue(p.All(float.IsFinite));
    }
}
