using System.Globalization;
using Pipelines.Tests;
using Pipelines.Trainers.Trees.Forest;

namespace Pipelines.Trainers.Tests.Trees;

/// <summary>
/// Accuracy against scikit-learn's RandomForestClassifier on the same seeded 75/25 split of shipped data, and the
/// out-of-bag score against held-out accuracy. Both sides average three forest seeds to damp the noise of small test sets.
/// </summary>
[TestClass]
public sealed class ForestQualityTests
{
    private const string Script = """
        import csv, sys
        import numpy as np
        from sklearn.ensemble import RandomForestClassifier
        path, label, train, test = sys.argv[1:5]
        with open(path) as f:
            rows = list(csv.DictReader(f))
        names = [k for k in rows[0] if k != label]
        X = np.array([[float(r[k]) for k in names] for r in rows])
        y = np.array([r[label] for r in rows])
        tr = np.array([int(i) for i in train.split(",")])
        te = np.array([int(i) for i in test.split(",")])
        scores = [RandomForestClassifier(n_estimators=100, random_state=s).fit(X[tr], y[tr]).score(X[te], y[te]) for s in range(3)]
        print(repr(float(np.mean(scores))))
        """;

    private static readonly int[] Seeds = [0, 1, 2];

    [TestMethod]
    [DataRow("iris.csv", "species")]
    [DataRow("breast_cancer.csv", "diagnosis")]
    public void RandomForestIsAsAccurateAsScikitLearn(string file, string label)
    {
        var (train, test, fold) = ForestTestData.Split75(file, label, seed: 7);
        var ours = Seeds.Average(s => ForestTestData.Accuracy(new RandomForestClassifier { Seed = s }.Fit(train), test));
        var output = ReferencePython.Run(Script, ForestTestData.DataPath(file), label, string.Join(',', fold.Train), string.Join(',', fold.Test));
        var sklearn = double.Parse(output.Trim(), CultureInfo.InvariantCulture);
        Console.WriteLine($"{file}: ours {ours:F4}, scikit-learn {sklearn:F4}");
        Assert.IsTrue(ours >= sklearn - 0.03, $"{file}: accuracy {ours:F4} vs scikit-learn {sklearn:F4}");
    }

    [TestMethod]
    public void OutOfBagScoreIsCloseToHeldOutAccuracy()
    {
        var (train, test, _) = ForestTestData.Split75("breast_cancer.csv", "diagnosis", seed: 7);
        var model = new RandomForestClassifier { Seed = 3 }.Fit(train);
        var heldOut = ForestTestData.Accuracy(model, test);
        Assert.IsNotNull(model.OutOfBagScore);
        Console.WriteLine($"OOB {model.OutOfBagScore:F4}, held out {heldOut:F4}");
        Assert.AreEqual(heldOut, model.OutOfBagScore!.Value, 0.05);
        Assert.IsTrue(model.OutOfBagScore < 1, "out-of-bag rows are not training rows of their trees");
    }

    [TestMethod]
    public void RegressionOutOfBagRSquaredIsCloseToHeldOutRSquared()
    {
        var train = ForestTestData.Regression(1500, 1);
        var test = ForestTestData.Regression(1000, 2);
        var model = new RandomForestRegressor { Trees = 60, Seed = 1 }.Fit(train);
        var heldOut = ForestTestData.RSquared(model, test);
        Console.WriteLine($"OOB R2 {model.OutOfBagScore:F4}, held out {heldOut:F4}");
        Assert.IsTrue(heldOut > 0.85, $"held-out R2 {heldOut:F4}");
        Assert.AreEqual(heldOut, model.OutOfBagScore!.Value, 0.05);
    }

    [TestMethod]
    public void ExtraTreesDifferFromRandomForestButAreAsAccurate()
    {
        var (train, test, _) = ForestTestData.Split75("breast_cancer.csv", "diagnosis", seed: 7);
        var forest = new RandomForestClassifier { Seed = 1 }.Fit(train);
        var extra = new ExtraTreesClassifier { Seed = 1 }.Fit(train);
        CollectionAssert.AreNotEqual(forest.Predict(test), extra.Predict(test));
        Assert.AreNotEqual(forest.Trees[0].Threshold[0], extra.Trees[0].Threshold[0]);
        Assert.IsNull(extra.OutOfBagScore, "extra trees do not bootstrap by default");
        var a = ForestTestData.Accuracy(forest, test);
        var b = ForestTestData.Accuracy(extra, test);
        Console.WriteLine($"random forest {a:F4}, extra trees {b:F4}");
        Assert.AreEqual(a, b, 0.04);

        var rtrain = ForestTestData.Regression(1500, 1);
        var rtest = ForestTestData.Regression(800, 2);
        var r2 = ForestTestData.RSquared(new ExtraTreesRegressor { Trees = 60, Seed = 1 }.Fit(rtrain), rtest);
        Assert.IsTrue(r2 > 0.85, $"extra trees regression R2 {r2:F4}");
    }

    [TestMethod]
    public void ImportanceRanksTheInformativeFeatures()
    {
        var model = new RandomForestRegressor { Trees = 30, Seed = 2 }.Fit(ForestTestData.Regression(1000, 3));
        var importance = model.FeatureImportances.ToDictionary(f => f.Name, f => f.Importance);
        Assert.AreEqual(1.0, importance.Values.Sum(), 1e-9);
        Assert.IsTrue(importance["x0"] > importance["x2"] && importance["x1"] > importance["x2"] && importance["cat"] > importance["x2"],
            string.Join(", ", importance.Select(kv => $"{kv.Key} {kv.Value:F3}")));
    }
}
