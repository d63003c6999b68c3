using Pipelines.AutoML.Reporting.Svg;

namespace Pipelines.AutoML.Reporting.Sections;

/// <summary>ROC and precision-recall curves side by side, one curve per class (or one for a binary label).</summary>
internal static class CurvesSection
{
    public static void Write(HtmlWriter html, ReportData data)
    {
        if (data.EvaluationRows is { } rows) html.Paragraph($"Rows: {rows}.", "lead");
        html.OpenGrid();
        var on = data.EvaluationRows is null ? " on the test rows" : "";
        if (data.RocCurves is { } roc) WriteRoc(html, roc, on);
        if (data.PrCurves is { } pr) WritePr(html, pr, on);
        html.CloseGrid();
    }

    private static void WriteRoc(HtmlWriter html, IReadOnlyList<RocSeries> curves, string on)
    {
        var series = curves.Select((c, i) => new XySeries($"{c.Name} (AUC {Format.Fixed(c.Auc, 3)})",
            [.. c.Points.Select(p => (p.FalsePositiveRate, p.TruePositiveRate))], SeriesKind.Line, Palette.Series(i))).ToList();
        series.Add(new XySeries("chance", [(0, 0), (1, 1)], SeriesKind.Line, Palette.Reference, Reference: true));
        var chart = XyChart.Render(new XyChartSpec("roc", "ROC curve" + on, "false positive rate", "true positive rate", series)
        {
            XRange = (0, 1),
            YRange = (0, 1),
        });
        html.Figure(chart, curves.Count > 1
            ? "ROC curve of each class against the rest; the dashed diagonal is a random ranking."
            : "ROC curve; the dashed diagonal is a random ranking.");
    }

    private static void WritePr(HtmlWriter html, IReadOnlyList<PrSeries> curves, string on)
    {
        var series = new List<XySeries>();
        for (var i = 0; i < curves.Count; i++)
        {
            var c = curves[i];
            series.Add(new XySeries($"{c.Name} (AP {Format.Fixed(c.AveragePrecision, 3)})",
                [.. c.Points.Select(p => (p.Recall, p.Precision))], SeriesKind.Line, Palette.Series(i)));
            if (c.Prevalence is { } prevalence && double.IsFinite(prevalence))
                series.Add(new XySeries(null, [(0, prevalence), (1, prevalence)], SeriesKind.Line, Palette.Series(i), Reference: true));
        }
        var chart = XyChart.Render(new XyChartSpec("pr", "Precision-recall curve" + on, "recall", "precision", series)
        {
            XRange = (0, 1),
            YRange = (0, 1),
        });
        html.Figure(chart, curves.Any(c => c.Prevalence is not null)
            ? "Precision against recall; a dashed line is the precision of a random ranking (the class's share of rows)."
            : "Precision against recall as the threshold falls.");
    }
}
