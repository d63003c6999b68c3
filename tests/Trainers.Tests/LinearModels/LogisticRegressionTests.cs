using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Prediction;
using Pipelines.Trainers.LinearModels;

namespace Pipelines.Trainers.Tests.LinearModels;

[TestClass]
public sealed class LogisticRegressionTests
{
    [TestMethod]
    public void LossDecreasesAtEveryIteration()
    {
        var model = new LogisticRegression { Tolerance = 1e-10 }.Fit(LinearTestData.Binary(300, 1));
        var history = model.Report.LossHistory;
        Assert.IsTrue(history.Count > 3, $"only {history.Count} entries");
        Assert.AreEqual(Math.Log(2), history[0], 1e-12, "zero weights give log 2 per row");
        for (var k = 1; k < history.Count; k++) Assert.IsTrue(history[k] < history[k - 1], $"iteration {k}: {history[k]} after {history[k - 1]}");
        Assert.IsTrue(model.Report.Converged, model.Report.Reason.ToString());
    }

    [TestMethod]
    public void NearlySeparableDataIsLearned()
    {
        var train = LinearTestData.Binary(400, 2);
        var test = LinearTestData.Binary(400, 3);
        var model = new LogisticRegression().Fit(train);
        var accuracy = LinearTestData.Accuracy(model.Predict(test), 2, test.Categorical("y").Codes);
        Assert.IsTrue(accuracy > 0.85, $"accuracy {accuracy}");
        // The generating weights are (3, -2); the learned direction must agree in sign and roughly in ratio.
        Assert.IsTrue(model.Weights[0] > 0 && model.Weights[1] < 0);
        Assert.AreEqual(-1.5, model.Weights[0] / model.Weights[1], 0.5);
    }

    [TestMethod]
    public void ExportedWeightsReproduceThePredictions()
    {
        var data = LinearTestData.Binary(100, 4);
        var model = new LogisticRegression().Fit(data);
        var p = model.Predict(data);
        var x1 = data.Numeric("x1").Values;
        var x2 = data.Numeric("x2").Values;
        for (var i = 0; i < data.RowCount; i++)
        {
            var z = model.Weights[0] * x1[i] + model.Weights[1] * x2[i] + model.Intercepts[0];
            Assert.AreEqual(1 / (1 + Math.Exp(-z)), p[2 * i + 1], 1e-6);
            Assert.AreEqual(1.0, p[2 * i] + p[2 * i + 1], 1e-6);
        }
        CollectionAssert.AreEqual(new[] { "neg", "pos" }, model.Classes.ToArray());
    }

    [TestMethod]
    public void StandardizingOnlyConditionsTheProblemWithoutAPenalty()
    {
        // With L2 = 0 the minimizer does not depend on the feature scale, so both fits give the same raw model.
        var data = LinearTestData.Binary(200, 5, positiveShift: 0);
        var scaled = new LogisticRegression { L2 = 0, Tolerance = 1e-12 }.Fit(data);
        var raw = new LogisticRegression { L2 = 0, Tolerance = 1e-12, Standardize = false }.Fit(data);
        for (var j = 0; j < 2; j++) Assert.AreEqual(raw.Weights[j], scaled.Weights[j], 1e-3);
        Assert.AreEqual(raw.Intercepts[0], scaled.Intercepts[0], 1e-3);
    }

    [TestMethod]
    public void L1GivesExactZerosOnNoiseFeatures()
    {
        var data = WithNoise(LinearTestData.Binary(300, 6), 5, 7);
        var dense = new LogisticRegression().Fit(data);
        var sparse = new LogisticRegression { L1 = 0.05 }.Fit(data);
        Assert.AreEqual(0, dense.Weights.Count(w => w == 0));
        var zeros = sparse.Weights.Skip(2).Count(w => w == 0);
        Assert.IsTrue(zeros >= 4, $"only {zeros} of 5 noise weights are zero: {string.Join(", ", sparse.Weights)}");
        Assert.AreNotEqual(0f, sparse.Weights[0]);
        Assert.AreNotEqual(0f, sparse.Weights[1]);
        var zeroImportance = sparse.FeatureImportances.Count(f => f.Importance == 0);
        Assert.AreEqual(sparse.Weights.Count(w => w == 0), zeroImportance);
    }

    [TestMethod]
    public void ClassWeightsShiftTheDecisionTowardTheMinority()
    {
        var data = LinearTestData.Binary(400, 8, positiveShift: -6); // few positives
        var codes = data.Categorical("y").Codes.ToArray();
        Assert.IsTrue(codes.Count(c => c == 1) < data.RowCount / 4, "positives should be the minority");
        var plain = new LogisticRegression().Fit(data);
        var balanced = new LogisticRegression { ClassWeights = ClassWeighting.Balanced }.Fit(data);
        var heavy = new LogisticRegression { ClassWeights = ClassWeighting.Of(new Dictionary<string, double> { ["pos"] = 10 }) }.Fit(data);
        var predictedPlain = Positives(plain.Predict(data));
        var predictedBalanced = Positives(balanced.Predict(data));
        Assert.IsTrue(predictedBalanced > predictedPlain, $"balanced predicts {predictedBalanced} positives, plain {predictedPlain}");
        Assert.IsTrue(balanced.Intercepts[0] > plain.Intercepts[0]);
        Assert.IsTrue(heavy.Intercepts[0] > plain.Intercepts[0]);
        var unknown = Assert.ThrowsExactly<DataValueException>(() =>
            new LogisticRegression { ClassWeights = ClassWeighting.Of(new Dictionary<string, double> { ["maybe"] = 2 }) }.Fit(data));
        StringAssert.Contains(unknown.Message, "maybe");
    }

    [TestMethod]
    public void SampleWeightsEqualDuplicatedRows()
    {
        var data = LinearTestData.Binary(120, 9);
        var counts = Enumerable.Range(0, data.RowCount).Select(i => i % 3).ToArray(); // 0, 1 or 2 copies
        var weighted = data.With(new NumericColumn("w", counts.Select(c => (float)c).ToArray())).WithWeight("w");
        var rows = Enumerable.Range(0, data.RowCount).SelectMany(i => Enumerable.Repeat(i, counts[i])).ToArray();
        var duplicated = data.Take(rows);
        var options = new LogisticRegression { L2 = 0.01, Tolerance = 1e-12 };
        var a = options.Fit(weighted);
        var b = options.Fit(duplicated);
        for (var j = 0; j < 2; j++) Assert.AreEqual(b.Weights[j], a.Weights[j], 1e-4);
        Assert.AreEqual(b.Intercepts[0], a.Intercepts[0], 1e-4);
    }

    [TestMethod]
    public void MoreThanTwoClassesPointAtSoftmaxRegression()
    {
        var iris = LinearTestData.Csv("iris.csv", "species");
        var error = Assert.ThrowsExactly<DataValueException>(() => new LogisticRegression().Fit(iris));
        StringAssert.Contains(error.Message, "SoftmaxRegression");
        StringAssert.Contains(error.Message, "3 classes");
    }

    [TestMethod]
    public void CategoricalAndMissingFeaturesAreRefusedClearly()
    {
        var data = LinearTestData.Binary(50, 10);
        var categorical = data.With(CategoricalColumn.FromValues("c", Enumerable.Range(0, 50).Select(i => (string?)(i % 2 == 0 ? "a" : "b")).ToArray()));
        var error = Assert.ThrowsExactly<SchemaException>(() => new LogisticRegression().Fit(categorical));
        StringAssert.Contains(error.Message, "OneHotEncode");
        var values = data.Numeric("x1").ToArray();
        values[7] = float.NaN;
        var missing = Assert.ThrowsExactly<DataValueException>(() => new LogisticRegression().Fit(data.With(new NumericColumn("x1", values))));
        StringAssert.Contains(missing.Message, "ImputeMissing");
    }

    [TestMethod]
    public void BadOptionsAreRefused()
    {
        var data = LinearTestData.Binary(50, 11);
        Assert.ThrowsExactly<ArgumentException>(() => new LogisticRegression { L2 = -1 }.Fit(data));
        Assert.ThrowsExactly<ArgumentException>(() => new LogisticRegression { L1 = double.NaN }.Fit(data));
        Assert.ThrowsExactly<ArgumentException>(() => new LogisticRegression { MaxIterations = 0 }.Fit(data));
    }

    private static int Positives(float[] p) => Enumerable.Range(0, p.Length / 2).Count(i => p[2 * i + 1] > p[2 * i]);

    internal static DataFrame WithNoise(DataFrame data, int count, int seed)
    {
        var random = new Random(seed);
        for (var k = 0; k < count; k++)
        {
            var values = Enumerable.Range(0, data.RowCount).Select(_ => (float)LinearTestData.Normal(random)).ToArray();
            data = data.With(new NumericColumn($"noise{k}", values));
        }
        return data;
    }
}
