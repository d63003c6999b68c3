namespace Pipelines.AutoML.Reporting.Sections;

/// <summary>Metrics: one row per model (and the rows it was scored on, when given), one column per metric.</summary>
internal static class MetricsSection
{
    public static void Write(HtmlWriter html, MetricsTable table)
    {
        if (table.TestRows is { } rows) html.Paragraph($"Scored on {Format.Count(rows)} test rows that no model saw while fitting.", "lead");
        var metrics = table.Models.SelectMany(m => m.Metrics.Select(v => v.Metric)).Distinct(StringComparer.Ordinal).ToList();
        if (table.Models.Count == 0 || metrics.Count == 0)
        {
            html.Paragraph("No test metrics were given.", "note");
            return;
        }
        var withRows = table.Models.Any(m => m.Rows is not null);
        html.Table(
            [new Cell("Model"), .. withRows ? [new Cell("Rows")] : Array.Empty<Cell>(), .. metrics.Select(m => Cell.Number(m))],
            table.Models.Select(model => (IReadOnlyList<Cell>)
            [
                new Cell(model.Model, Class: "strong"),
                .. withRows ? [new Cell(model.Rows ?? "")] : Array.Empty<Cell>(),
                .. metrics.Select(m => Cell.Number(model.Metrics.FirstOrDefault(v => v.Metric == m) is { } v ? Format.Score(v.Value) : Format.Missing)),
            ]));
    }
}
