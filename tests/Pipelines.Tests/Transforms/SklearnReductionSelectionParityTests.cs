using System.Globalization;
using System.Text.Json;
using Pipelines.Data;
using Pipelines.Transforms.Reduction;
using Pipelines.Transforms.Selection;

namespace Pipelines.Tests.Transforms;

/// <summary>
/// Compares F-test scores, PCA and the mutual-information estimator with scikit-learn run on the same data
/// through Debian's /usr/bin/python3 (python3-sklearn). Inconclusive where that is not installed.
/// </summary>
[TestClass]
public sealed class SklearnReductionSelectionParityTests
{
    private const string Script = """
        import json, sys, numpy as np
        from sklearn.decomposition import PCA
        from sklearn.feature_selection import f_classif
        from sklearn.feature_selection._mutual_info import _compute_mi_cd
        data = np.loadtxt(sys.argv[1], delimiter=",")
        x, y = data[:, :-1], data[:, -1].astype(int)
        pca = PCA().fit(x)
        print(json.dumps({
            "f": f_classif(x, y)[0].tolist(),
            "ratio": pca.explained_variance_ratio_.tolist(),
            "variance": pca.explained_variance_.tolist(),
            "components": pca.components_.tolist(),
            "mi": [float(_compute_mi_cd(x[:, j], y, 3)) for j in range(x.shape[1])],
        }))
        """;

    [TestMethod]
    public void FTestPcaAndMutualInformationMatchScikitLearn()
    {
        var frame = Data();
        var reference = RunScikitLearn(frame);
        var names = new[] { "f0", "f1", "f2", "f3" };

        var f = new SelectKBest(K: 1).Fit(frame);
        var expectedF = reference.GetProperty("f").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (var j = 0; j < names.Length; j++)
            Assert.AreEqual(expectedF[j], f.ScoreOf(names[j]), 1e-4 * Math.Abs(expectedF[j]), $"F of {names[j]}");

        var mi = new SelectKBest(FeatureScore.MutualInformation, K: 1).Fit(frame);
        var expectedMi = reference.GetProperty("mi").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (var j = 0; j < names.Length; j++)
            Assert.AreEqual(expectedMi[j], mi.ScoreOf(names[j]), 1e-9, $"MI of {names[j]}");

        var pca = new Pca().Fit(frame);
        var ratio = reference.GetProperty("ratio").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var variance = reference.GetProperty("variance").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        CollectionAssert.AreEqual(ratio, pca.ExplainedVarianceRatio.ToArray(), new DoubleComparer(1e-4));
        for (var j = 0; j < variance.Length; j++) Assert.AreEqual(variance[j], pca.ExplainedVariance[j], 1e-4 * variance[j]);
        var components = reference.GetProperty("components").EnumerateArray().ToArray();
        for (var j = 0; j < components.Length; j++)
        {
            var row = components[j].EnumerateArray().Select(e => e.GetDouble()).ToArray();
            for (var i = 0; i < row.Length; i++)
                Assert.AreEqual(Math.Abs(row[i]), Math.Abs(pca.Loadings[j * names.Length + i]), 1e-4, $"component {j + 1}, input {names[i]}");
        }
    }

    /// <summary>
    /// 60 rows, three classes, four features of different relevance with correlation between them. Values are
    /// not rounded: the kNN estimator's counts at exactly tied distances depend on how each side rounds distances.
    /// </summary>
    private static DataFrame Data()
    {
        var random = new Random(7);
        const int n = 60;
        var columns = new float[4][];
        for (var j = 0; j < 4; j++) columns[j] = new float[n];
        var labels = new string?[n];
        for (var r = 0; r < n; r++)
        {
            var cls = r % 3;
            double Noise() => random.NextDouble() * 2 - 1;
            var a = cls * 1.5 + Noise();
            var b = 0.6 * a + Noise() * 0.8;
            columns[0][r] = (float)a;
            columns[1][r] = (float)b;
            columns[2][r] = (float)(Noise() * 3);
            columns[3][r] = (float)((cls == 1 ? 2 : 0) + Noise() * 0.5 + 0.3 * b);
            labels[r] = "c" + cls.ToString(CultureInfo.InvariantCulture);
        }
        return new DataFrame(
        [
            new NumericColumn("f0", columns[0]), new NumericColumn("f1", columns[1]),
            new NumericColumn("f2", columns[2]), new NumericColumn("f3", columns[3]),
            CategoricalColumn.FromValues("y", labels),
        ], label: "y");
    }

    private static JsonElement RunScikitLearn(DataFrame frame)
    {
        var csv = Path.Combine(Path.GetTempPath(), $"sklearn-parity-{Guid.NewGuid():N}.csv");
        try
        {
            var label = frame.Categorical("y");
            var lines = Enumerable.Range(0, frame.RowCount).Select(r =>
                string.Join(",", frame.Features.OfType<NumericColumn>().Select(c => ((double)c[r]).ToString("G17", CultureInfo.InvariantCulture))) + "," +
                label[r].ToString(CultureInfo.InvariantCulture));
            File.WriteAllLines(csv, lines);
            return JsonDocument.Parse(ReferencePython.Run(Script, csv)).RootElement.Clone();
        }
        finally
        {
            File.Delete(csv);
        }
    }
}
