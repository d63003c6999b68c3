using Pipelines.AutoML.Reporting.Svg;

namespace Pipelines.AutoML.Reporting.Sections;

/// <summary>A metric against the decision threshold, with the chosen threshold marked.</summary>
internal static class ThresholdSection
{
    public static void Write(HtmlWriter html, ThresholdCurveData curve)
    {
        var points = curve.Points.Where(p => double.IsFinite(p.Threshold) && double.IsFinite(p.Value)).OrderBy(p => p.Threshold).ToList();
        var chosen = points.Count == 0 ? null : points.MinBy(p => Math.Abs(p.Threshold - curve.ChosenThreshold));
        var of = curve.PositiveClass is null ? "the positive class's probability" : $"the probability of '{curve.PositiveClass}'";
        html.Paragraph($"Chosen threshold {Format.Fixed(curve.ChosenThreshold, 3)} on {of}" +
            (chosen is null ? "." : $", where {curve.Metric} is {Format.Score(chosen.Value)}."), "lead");
        if (points.Count == 0)
        {
            html.Paragraph("No threshold points were given.", "note");
            return;
        }
        var inUnit = points[0].Threshold >= 0 && points[^1].Threshold <= 1;
        var spec = new XyChartSpec("threshold", $"{curve.Metric} against the decision threshold", "threshold", curve.Metric,
            [new XySeries(null, [.. points.Select(p => (p.Threshold, p.Value))], SeriesKind.Line, Palette.Series(0))])
        {
            XRange = inUnit ? (0, 1) : null,
            Highlight = new XyHighlight(chosen!.Threshold, chosen.Value, $"chosen {Format.Fixed(chosen.Threshold, 3)}: {Format.Score(chosen.Value)}"),
            Width = 720,
        };
        html.Figure(XyChart.Render(spec), $"{curve.Metric} at each threshold; the ring marks the threshold the final model uses.");
    }
}
