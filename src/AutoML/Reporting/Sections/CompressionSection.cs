using Pipelines.AutoML.Reporting.Svg;

namespace Pipelines.AutoML.Reporting.Sections;

/// <summary>Size, accuracy and latency of each compressed model against the first (the teacher), as a table and bars.</summary>
internal static class CompressionSection
{
    public static void Write(HtmlWriter html, CompressionTable table)
    {
        if (table.Rows.Count == 0)
        {
            html.Paragraph("No compressed model was measured.", "note");
            return;
        }
        var reference = table.Rows[0];
        var last = table.Rows[^1];
        html.Paragraph($"{last.Model} is {Times((double)reference.SizeBytes / last.SizeBytes)} smaller than {reference.Model}, " +
            $"with {table.AccuracyMetric} {Format.Score(last.Accuracy)} against {Format.Score(reference.Accuracy)}.", "lead");
        html.Table(
            ["Model", Cell.Number("Size"), Cell.Number("Smaller by"), Cell.Number(table.AccuracyMetric), Cell.Number("Change"),
                Cell.Number($"Latency ({table.LatencyUnit})"), Cell.Number("Faster by")],
            table.Rows.Select(r => (IReadOnlyList<Cell>)
            [
                new Cell(r.Model, Class: "strong"),
                Cell.Number(Format.Bytes(r.SizeBytes)),
                Cell.Number(Times((double)reference.SizeBytes / r.SizeBytes)),
                Cell.Number(Format.Score(r.Accuracy)),
                Cell.Number(Signed(r.Accuracy - reference.Accuracy)),
                Cell.Number(Format.Fixed(r.LatencyMs, 3)),
                Cell.Number(Times(reference.LatencyMs / r.LatencyMs)),
            ]),
            rowClass: i => i == 0 ? "best" : null);
        var models = table.Rows.Select(r => r.Model).ToList();
        html.OpenGrid();
        var size = BarChart.Render(new BarChartSpec("compression-size", "Model size", models,
            [new BarSeries("size", [.. table.Rows.Select(r => r.SizeBytes / 1024.0)], Palette.Series(0), v => Format.Bytes((long)(v * 1024)))],
            "size (KB)") { Width = 480, Height = 300 });
        html.Figure(size, "Size of each saved model.");
        if (table.Rows.Any(r => double.IsFinite(r.LatencyMs)))
        {
            var latency = BarChart.Render(new BarChartSpec("compression-latency", "Inference latency", models,
                [new BarSeries("latency", [.. table.Rows.Select(r => r.LatencyMs)], Palette.Series(3), v => Format.Fixed(v, 3))],
                $"latency ({table.LatencyUnit})") { Width = 480, Height = 300 });
            html.Figure(latency, $"Latency of each model, {table.LatencyUnit}.");
        }
        html.CloseGrid();
    }

    /// <summary>A ratio as "3.2×" (a dash when undefined).</summary>
    private static string Times(double ratio) => double.IsFinite(ratio) && ratio > 0 ? Format.Fixed(ratio, ratio >= 10 ? 0 : 1) + "\u00d7" : Format.Missing;

    private static string Signed(double delta) => !double.IsFinite(delta) ? Format.Missing : delta == 0 ? "0" : (delta > 0 ? "+" : "\u2212") + Format.Score(Math.Abs(delta));
}
