namespace Pipelines.AutoML.Reporting.Sections;

/// <summary>One section of the report: its anchor, heading, whether the data holds it, and how to write its body.</summary>
internal sealed record ReportSection(string Id, string Title, Func<ReportData, bool> IsPresent, Action<HtmlWriter, ReportData> Write);

/// <summary>The report's sections, in page order.</summary>
internal static class ReportSections
{
    public static readonly IReadOnlyList<ReportSection> All =
    [
        new("summary", "Summary", SummarySection.IsPresent, SummarySection.Write),
        new("data", "Data profile and fixes", d => d.Profile is not null || d.FixesApplied is not null, ProfileSection.Write),
        new("balance", "Class balance", d => d.ClassBalance is not null, (h, d) => BalanceSection.Write(h, d.ClassBalance!)),
        new("leaderboard", "Leaderboard", d => d.Leaderboard is not null, (h, d) => LeaderboardSection.Write(h, d.Leaderboard!)),
        new("progress", "Best score over time", d => d.Progress is not null, (h, d) => ProgressSection.Write(h, d.Progress!)),
        new("test-metrics", "Model metrics", d => d.TestMetrics is not null, (h, d) => MetricsSection.Write(h, d.TestMetrics!)),
        new("confusion", "Confusion matrix", d => d.ConfusionMatrix is not null, (h, d) => ConfusionSection.Write(h, d.ConfusionMatrix!, d.EvaluationRows)),
        new("curves", "ROC and precision-recall curves", d => d.RocCurves is not null || d.PrCurves is not null, CurvesSection.Write),
        new("threshold", "Decision threshold", d => d.Threshold is not null, (h, d) => ThresholdSection.Write(h, d.Threshold!)),
        new("importance", "Feature importance", d => d.FeatureImportance is not null, (h, d) => ImportanceSection.Write(h, d.FeatureImportance!)),
        new("synthetic", "Synthetic against real data", d => d.Synthetic is not null, (h, d) => SyntheticSection.Write(h, d.Synthetic!)),
        new("compression", "Compression", d => d.Compression is not null, (h, d) => CompressionSection.Write(h, d.Compression!)),
    ];
}
