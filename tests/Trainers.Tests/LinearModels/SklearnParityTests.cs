using System.Globalization;
using Pipelines.Tests;
using Pipelines.Trainers.LinearModels;

namespace Pipelines.Trainers.Tests.LinearModels;

/// <summary>
/// Weights against scikit-learn's LogisticRegression (lbfgs) on standardized features. Both minimize the same function
/// when C = 1 / (L2 · n): scikit-learn's C Σ_i ℓ_i + ½ ||w||² is C·n times our (1/n) Σ_i ℓ_i + (L2/2) ||w||².
/// </summary>
[TestClass]
public sealed class SklearnParityTests
{
    private const string Script = """
        import csv, sys
        import numpy as np
        from sklearn.linear_model import LogisticRegression
        from sklearn.preprocessing import StandardScaler
        path, label, l2, positive = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
        with open(path) as f:
            rows = list(csv.DictReader(f))
        names = [k for k in rows[0] if k != label]
        X = np.array([[float(r[k]) for k in names] for r in rows])
        y = np.array([r[label] for r in rows])
        scaler = StandardScaler().fit(X)
        Z = scaler.transform(X)
        if positive != "-":
            y = (y == positive).astype(int)
        model = LogisticRegression(C=1.0 / (l2 * len(y)), tol=1e-10, max_iter=10000).fit(Z, y)
        print(" ".join(model.classes_.astype(str)))
        for row, b in zip(model.coef_, model.intercept_):
            raw = row / scaler.scale_
            print(repr(b - float(np.dot(raw, scaler.mean_))) + " " + " ".join(repr(v) for v in row))
        """;

    [TestMethod]
    public void BinaryWeightsMatchScikitLearnOnBreastCancer()
    {
        const double l2 = 0.01;
        var data = LinearTestData.Csv("breast_cancer.csv", "diagnosis");
        var model = new LogisticRegression { L2 = l2, Tolerance = 1e-12, MaxIterations = 5000 }.Fit(data);
        var lines = ReferencePython.Run(Script, LinearTestData.DataPath("breast_cancer.csv"), "diagnosis", l2.ToString("R", CultureInfo.InvariantCulture), model.Classes[1])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Compare(model, lines.Skip(1).ToArray());
    }

    [TestMethod]
    public void MultinomialWeightsMatchScikitLearnOnWine()
    {
        const double l2 = 0.01;
        var data = LinearTestData.Csv("wine.csv", "cultivar");
        var model = new SoftmaxRegression { L2 = l2, Tolerance = 1e-12, MaxIterations = 5000 }.Fit(data);
        var lines = ReferencePython.Run(Script, LinearTestData.DataPath("wine.csv"), "cultivar", l2.ToString("R", CultureInfo.InvariantCulture), "-")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        CollectionAssert.AreEqual(model.Classes.ToArray(), lines[0].Trim().Split(' '), "class order");
        Compare(model, lines.Skip(1).ToArray());
    }

    private static void Compare(LinearPredictor model, string[] rows)
    {
        var d = model.Features.Count;
        Assert.AreEqual(model.Intercepts.Length, rows.Length, "outputs");
        for (var k = 0; k < rows.Length; k++)
        {
            var values = rows[k].Trim().Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            Assert.AreEqual(d + 1, values.Length);
            Assert.AreEqual(values[0], model.Intercepts[k], 1e-3 * Math.Max(1, Math.Abs(values[0])), $"intercept {k}");
            for (var j = 0; j < d; j++)
                Assert.AreEqual(values[j + 1], model.StandardizedWeights[k * d + j], 1e-3, $"class {k}, feature '{model.Features[j]}'");
        }
    }
}
