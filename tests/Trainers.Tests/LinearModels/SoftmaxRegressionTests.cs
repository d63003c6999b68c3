using Pipelines.Data;
using Pipelines.Trainers.LinearModels;

namespace Pipelines.Trainers.Tests.LinearModels;

[TestClass]
public sealed class SoftmaxRegressionTests
{
    [TestMethod]
    public void LearnsIrisWithProbabilitiesThatSumToOne()
    {
        var iris = LinearTestData.Csv("iris.csv", "species");
        var model = new SoftmaxRegression().Fit(iris);
        Assert.AreEqual(3, model.Classes.Count);
        Assert.AreEqual(3 * model.Features.Count, model.Weights.Length);
        var p = model.Predict(iris);
        for (var i = 0; i < iris.RowCount; i++) Assert.AreEqual(1.0, p[3 * i] + p[3 * i + 1] + p[3 * i + 2], 1e-5);
        var accuracy = LinearTestData.Accuracy(p, 3, iris.Categorical("species").Codes);
        Assert.IsTrue(accuracy > 0.95, $"accuracy {accuracy}");
        for (var k = 1; k < model.Report.LossHistory.Count; k++) Assert.IsTrue(model.Report.LossHistory[k] < model.Report.LossHistory[k - 1]);
    }

    [TestMethod]
    public void ExtremeInputsGiveFiniteProbabilities()
    {
        var iris = LinearTestData.Csv("iris.csv", "species");
        var model = new SoftmaxRegression { L2 = 0 }.Fit(iris);
        var far = iris.Head(2);
        foreach (var feature in model.Features) far = far.With(new NumericColumn(feature, [1e6f, -1e6f]));
        foreach (var v in model.Predict(far)) Assert.IsTrue(float.IsFinite(v) && v >= 0 && v <= 1, v.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [TestMethod]
    public void ImportancesCoverEveryFeature()
    {
        var wine = LinearTestData.Csv("wine.csv", "cultivar");
        var model = new SoftmaxRegression().Fit(wine);
        var importances = model.FeatureImportances;
        CollectionAssert.AreEqual(model.Features.ToArray(), importances.Select(f => f.Name).ToArray());
        Assert.IsTrue(importances.All(f => f.Importance >= 0) && importances.Any(f => f.Importance > 0));
    }
}
