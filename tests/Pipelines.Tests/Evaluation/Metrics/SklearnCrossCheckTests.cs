using System.Globalization;
using System.Text;
using Pipelines.Evaluation;

namespace Pipelines.Tests.Evaluation.Metrics;

/// <summary>
/// Compares every metric with scikit-learn on seeded random predictions. Uses Debian's /usr/bin/python3
/// (python3-sklearn); inconclusive when it cannot import sklearn.
/// </summary>
[TestClass]
public sealed class SklearnCrossCheckTests
{
    private const int Rows = 400;
    private const int Classes = 3;

    // Reads "actual,p0,p1,p2,weight,y,yhat" rows; prints "name value" lines.
    private const string Script = """
        import sys, numpy as np
        from sklearn import metrics as m
        from sklearn.preprocessing import label_binarize
        d = np.loadtxt(sys.argv[1], delimiter=',')
        a = d[:, 0].astype(int); p = d[:, 1:4]; w = d[:, 4]; y = d[:, 5]; yh = d[:, 6]
        b = (a == 1).astype(int); s = d[:, 1]
        pred = p.argmax(axis=1)
        out = {
          'accuracy': m.accuracy_score(a, pred),
          'weighted_accuracy': m.accuracy_score(a, pred, sample_weight=w),
          'balanced_accuracy': m.balanced_accuracy_score(a, pred),
          'macro_f1': m.f1_score(a, pred, average='macro'),
          'weighted_f1': m.f1_score(a, pred, average='weighted'),
          'log_loss': m.log_loss(a, p, eps=1e-15, labels=[0, 1, 2]),
          'weighted_log_loss': m.log_loss(a, p, eps=1e-15, labels=[0, 1, 2], sample_weight=w),
          'ovr_auc': m.roc_auc_score(a, p, multi_class='ovr', average='macro'),
          'ovr_ap': m.average_precision_score(label_binarize(a, classes=[0, 1, 2]), p, average='macro'),
          'binary_auc': m.roc_auc_score(b, s),
          'binary_ap': m.average_precision_score(b, s),
          'rmse': m.mean_squared_error(y, yh) ** 0.5,
          'mae': m.mean_absolute_error(y, yh),
          'r2': m.r2_score(y, yh),
        }
        for k, v in out.items(): print(k, repr(float(v)))
        """;

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public void MetricsAgreeWithScikitLearn()
    {
        var random = new Random(20250101);
        var actual = new int[Rows];
        var probabilities = new float[Rows * Classes];
        var weights = new float[Rows];
        var y = new float[Rows];
        var yhat = new float[Rows];
        for (var r = 0; r < Rows; r++)
        {
            actual[r] = random.Next(Classes);
            // Small integer weights over their sum: many exact ties in scores, some zero probabilities,
            // rows that sum to 1 within float rounding (sklearn's OvR AUC checks that).
            var k = new int[Classes];
            var sum = 0;
            for (var c = 0; c < Classes; c++) { k[c] = random.Next(0, 5) + (c == actual[r] ? random.Next(0, 3) : 0); sum += k[c]; }
            if (sum == 0) { k[0] = 1; sum = 1; }
            for (var c = 0; c < Classes; c++) probabilities[r * Classes + c] = (float)k[c] / sum;
            weights[r] = 0.5f + random.Next(4);
            y[r] = (float)(random.NextDouble() * 10 - 3);
            yhat[r] = y[r] + (float)(random.NextDouble() - 0.5) * 2;
        }
        var expected = RunScikitLearn(actual, probabilities, weights, y, yhat);

        var predicted = ClassificationMetrics.ArgMax(probabilities, Classes);
        var matrix = ConfusionMatrix.Compute(actual, predicted, Classes);
        var binary = actual.Select(a => a == 1 ? 1 : 0).ToArray();
        var score = Enumerable.Range(0, Rows).Select(r => probabilities[r * Classes]).ToArray();
        var ours = new Dictionary<string, double>
        {
            ["accuracy"] = ClassificationMetrics.Accuracy(actual, predicted),
            ["weighted_accuracy"] = ClassificationMetrics.Accuracy(actual, predicted, weights),
            ["balanced_accuracy"] = ClassificationMetrics.BalancedAccuracy(matrix),
            ["macro_f1"] = ClassificationMetrics.MacroF1(matrix),
            ["weighted_f1"] = ClassificationMetrics.WeightedF1(matrix),
            ["log_loss"] = ProbabilisticMetrics.LogLoss(actual, probabilities, Classes),
            ["weighted_log_loss"] = ProbabilisticMetrics.LogLoss(actual, probabilities, Classes, weights),
            ["ovr_auc"] = RankingMetrics.RocAuc(actual, probabilities, Classes),
            ["ovr_ap"] = RankingMetrics.AveragePrecision(actual, probabilities, Classes),
            ["binary_auc"] = RankingMetrics.RocAuc(binary, score),
            ["binary_ap"] = RankingMetrics.AveragePrecision(binary, score),
            ["rmse"] = RegressionMetrics.Rmse(y, yhat),
            ["mae"] = RegressionMetrics.Mae(y, yhat),
            ["r2"] = RegressionMetrics.R2(y, yhat),
        };
        CollectionAssert.AreEquivalent(expected.Keys.ToArray(), ours.Keys.ToArray());
        foreach (var (name, value) in ours) Assert.AreEqual(expected[name], value, 1e-6, name);
    }

    private static Dictionary<string, double> RunScikitLearn(int[] actual, float[] p, float[] w, float[] y, float[] yhat)
    {
        var data = new StringBuilder();
        for (var r = 0; r < actual.Length; r++)
        {
            data.Append(actual[r].ToString(CultureInfo.InvariantCulture));
            for (var c = 0; c < Classes; c++) data.Append(',').Append(p[r * Classes + c].ToString("R", CultureInfo.InvariantCulture));
            foreach (var v in new[] { w[r], y[r], yhat[r] }) data.Append(',').Append(v.ToString("R", CultureInfo.InvariantCulture));
            data.Append('\n');
        }
        var dataPath = Path.Combine(Path.GetTempPath(), $"metrics-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(dataPath, data.ToString());
            return ReferencePython.Run(Script, dataPath).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split(' '))
                .ToDictionary(parts => parts[0], parts => double.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(dataPath);
        }
    }
}
