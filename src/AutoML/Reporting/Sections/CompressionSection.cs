using Pipelines.AutoML.Reporting.Svg;

namespace Pipelines.AutoML.Reporting.Sections;

/// <summary>Size, accuracy and latency of each compressed model and their ratios to the first (the teacher), as a table and bars.</summary>
internal static class CompressionSection
{
    public static void Write(HtmlWriter html, CompressionTableData table)
    {
        if (table.Note is { } note) html.Paragraph(note, "lead");
        if (table.Rows.Count == 0)
        {
            html.Paragraph("No compressed model was measured.", "note");
            return;
        }
        var reference = table.Rows[0];
        var last = table.Rows[^1];
        if (table.Rows.Count > 1)
        {
            var accuracy = double.IsFinite(last.Accuracy) ? $", with {table.AccuracyMetric} {Format.Score(last.Accuracy)} against {Format.Score(reference.Accuracy)}" : "";
            html.Paragraph($"{last.Model} is {Ratio((double)last.SizeBytes / reference.SizeBytes)} of {reference.Model}'s size and takes " +
                $"{Ratio(last.LatencyMs / reference.LatencyMs)} of its time per row{accuracy}.", "lead");
        }
        html.Table(
            ["Model", Cell.Number("Size"), Cell.Number("Size ratio"), Cell.Number(table.AccuracyMetric), Cell.Number("Change"),
                Cell.Number($"Latency ({table.LatencyUnit})"), Cell.Number("Latency ratio")],
            table.Rows.Select(r => (IReadOnlyList<Cell>)
            [
                new Cell(r.Model, Class: "strong"),
                Cell.Number(Format.Bytes(r.SizeBytes)),
                Cell.Number(Ratio((double)r.SizeBytes / reference.SizeBytes)),
                Cell.Number(Format.Score(r.Accuracy)),
                Cell.Number(Signed(r.Accuracy - reference.Accuracy)),
                Cell.Number(Format.Fixed(r.LatencyMs, 4)),
                Cell.Number(Ratio(r.LatencyMs / reference.LatencyMs)),
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
                [new BarSeries("latency", [.. table.Rows.Select(r => r.LatencyMs)], Palette.Series(3), v => Format.Fixed(v, 4))],
                $"latency ({table.LatencyUnit})") { Width = 480, Height = 300 });
            html.Figure(latency, $"Latency of each model, {table.LatencyUnit}.");
        }
        html.CloseGrid();
    }

    private static string Ratio(double ratio) => Format.Ratio(ratio);

    private static string Signed(double delta) => !double.IsFinite(delta) ? Format.Missing : delta == 0 ? "0" : (delta > 0 ? "+" : "\u2212") + Format.Score(Math.Abs(delta));
}
