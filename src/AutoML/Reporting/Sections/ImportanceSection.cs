using Pipelines.AutoML.Reporting.Svg;

namespace Pipelines.AutoML.Reporting.Sections;

/// <summary>Permutation importance as horizontal bars with ± one standard deviation, most important first.</summary>
internal static class ImportanceSection
{
    public static void Write(HtmlWriter html, FeatureImportanceData importance)
    {
        var shown = importance.Features.OrderByDescending(f => double.IsFinite(f.MeanDrop) ? f.MeanDrop : double.NegativeInfinity)
            .Take(HtmlReport.ImportanceRows).ToList();
        var repeats = importance.Repeats is { } r ? $" over {Format.Count(r)} shuffles" : "";
        var rows = importance.Rows ?? "the test rows";
        html.Paragraph($"How much {importance.Metric} drops when one column's values are shuffled across {rows} " +
            $"(mean \u00b1 standard deviation{repeats}). A drop near 0 means the model does not rely on the column.", "lead");
        if (shown.Count == 0)
        {
            html.Paragraph(importance.Note ?? "No feature importances were given.", "note");
            return;
        }
        var chart = HorizontalBarChart.Render(new HorizontalBarSpec("feature-importance", $"Permutation importance (drop in {importance.Metric})",
            [.. shown.Select(f => f.Feature)], [.. shown.Select(f => f.MeanDrop)], $"drop in {importance.Metric}")
        {
            Errors = [.. shown.Select(f => f.StdDrop)],
        });
        html.Figure(chart, shown.Count < importance.Features.Count
            ? $"The {shown.Count} most important of {Format.Count(importance.Features.Count)} features."
            : "Every input feature, most important first.");
    }
}
