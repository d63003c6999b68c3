using Pipelines.AutoML.Reporting;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.Profiling;

namespace Pipelines.AutoML.Tests.Reporting;

/// <summary>Reports built by hand for the rendering tests; names hold characters HTML must escape.</summary>
internal static class SampleReports
{
    /// <summary>A column and class name with every character that needs escaping.</summary>
    public const string Awkward = "<b>a&b</b> \"q\" 'x'";

    /// <summary>Every chart the full report draws, by data-chart name.</summary>
    public static readonly string[] FullCharts =
    [
        "label-distribution", "class-balance", "best-score", "confusion-matrix", "roc", "pr", "threshold",
        "feature-importance", "synthetic-numeric", "synthetic-categorical", "compression-size", "compression-latency",
    ];

    public static ReportHeader Header() => new("AutoML report: churn", "messy_churn.csv", "churned", "binary classification",
        new DateTimeOffset(2025, 3, 1, 14, 5, 0, TimeSpan.Zero), TimeSpan.FromSeconds(61.4), TimeSpan.FromMinutes(1));

    /// <summary>Every section filled, with data like a small binary run's.</summary>
    public static ReportData Full()
    {
        var random = new Random(7);
        var frame = Frame(random, 400);
        var actual = new int[300];
        var scores = new float[300];
        for (var i = 0; i < actual.Length; i++)
        {
            actual[i] = random.NextDouble() < 0.25 ? 1 : 0;
            scores[i] = (float)Math.Clamp(0.3 * actual[i] + 0.35 + (random.NextDouble() - 0.5) * 0.6, 0, 1);
        }
        var predicted = scores.Select(s => s >= 0.5f ? 1 : 0).ToArray();
        var classes = new[] { "no", Awkward };
        var trials = Enumerable.Range(0, 40).Select(i => new TrialPoint(1.5 * i + 0.5, 0.6 + 0.25 * (1 - Math.Exp(-i / 8.0)) + 0.05 * (random.NextDouble() - 0.5),
            (i % 3) switch { 0 => "gbdt", 1 => "logistic <regression>", _ => "mlp" })).ToList();
        return new ReportData
        {
            Header = Header(),
            Profile = DataProfile.Compute(frame),
            FixesApplied = ["DropDuplicateRows: 4 rows", $"ImputeMissing (median): {Awkward}", "OneHotEncode: city"],
            ClassBalance = new ClassBalance([new("no", 2755), new(Awkward, 245)], [new("no", 2755), new(Awkward, 1378)], "SMOTE to ratio 0.5"),
            Leaderboard = Leaderboard(trials),
            Progress = new SearchProgressData("MacroF1", BestSoFar(trials), trials),
            TestMetrics = new MetricsTable(
            [
                new MetricsTableRow("ensemble", [new("Accuracy", 0.912), new("MacroF1", 0.8431), new("RocAuc", 0.93)]),
                new MetricsTableRow("best single (gbdt)", [new("Accuracy", 0.9), new("MacroF1", 0.82)]),
            ], 750),
            ConfusionMatrix = ConfusionMatrixData.From(ConfusionMatrix.Compute(actual, predicted, 2, classes)),
            RocCurves = [new RocSeries(Awkward, RankingMetrics.RocCurve(actual, scores), RankingMetrics.RocAuc(actual, scores))],
            PrCurves = [new PrSeries(Awkward, RankingMetrics.PrCurve(actual, scores), RankingMetrics.AveragePrecision(actual, scores), actual.Average())],
            Threshold = new ThresholdCurveData("F1", [.. Enumerable.Range(1, 19).Select(i => new ThresholdDataPoint(i / 20.0, 0.8 - 2 * Math.Pow(i / 20.0 - 0.4, 2)))], 0.4, Awkward),
            FeatureImportance = new FeatureImportanceData("MacroF1",
                [new(Awkward, 0.21, 0.02), new("tenure", 0.08, 0.01), new("city", 0.01, 0.004), new("noise", -0.003, 0.002)], 5),
            Synthetic = SyntheticComparison.Compute(frame, Frame(new Random(8), 300)),
            Compression = new CompressionTableData("accuracy", "ms per row",
            [
                new CompressionRow("teacher (gbdt)", 2_400_000, 0.912, 0.081),
                new CompressionRow("student MLP", 180_000, 0.905, 0.012),
                new CompressionRow("pruned 50%", 95_000, 0.903, 0.010),
                new CompressionRow("int8", 48_000, 0.9, 0.006),
            ]),
        };
    }

    /// <summary>A frame with a numeric column named <see cref="Awkward"/>, a categorical one, and a label with an awkward class.</summary>
    public static DataFrame Frame(Random random, int rows)
    {
        var x = new float[rows];
        var tenure = new float[rows];
        var city = new string?[rows];
        var label = new string?[rows];
        string[] cities = ["Oslo", "Lyon", "Köln", "<Paris>"];
        for (var i = 0; i < rows; i++)
        {
            x[i] = i % 17 == 0 ? float.NaN : (float)(random.NextDouble() * 4 - 1);
            tenure[i] = (float)Math.Exp(random.NextDouble() * 3);
            city[i] = cities[random.Next(cities.Length)];
            label[i] = random.NextDouble() < 0.2 ? Awkward : "no";
        }
        return new DataFrame(
            [new NumericColumn(Awkward, x), new NumericColumn("tenure", tenure), CategoricalColumn.FromValues("city", city), CategoricalColumn.FromValues("churned", label)],
            label: "churned");
    }

    private static LeaderboardData Leaderboard(IReadOnlyList<TrialPoint> trials)
    {
        var ranked = trials.Select((t, id) => (t, id)).OrderByDescending(p => p.t.Score).ToList();
        return new LeaderboardData("MacroF1", true, [.. ranked.Select((p, i) => new LeaderboardDataRow(i + 1, p.id, p.t.Learner, p.t.Score, 0.4 + p.id % 5,
            $"rounds={100 + p.id}, leaves=31, lr=0.05, note=\"{Awkward}\""))]);
    }

    private static List<BestScorePoint> BestSoFar(IReadOnlyList<TrialPoint> trials)
    {
        var best = new List<BestScorePoint>();
        foreach (var t in trials)
        {
            if (best.Count == 0 || t.Score > best[^1].Score) best.Add(new BestScorePoint(t.ElapsedSeconds, t.Score));
        }
        return best;
    }
}
