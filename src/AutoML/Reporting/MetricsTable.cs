namespace Pipelines.AutoML.Reporting;

/// <summary>Metrics of one or more models: one row per model, one column per metric name (in first-seen order).</summary>
/// <param name="Models">The models with their metrics.</param>
/// <param name="TestRows">How many test rows every model was scored on, when they share them; null to leave out.</param>
public sealed record MetricsTable(IReadOnlyList<MetricsTableRow> Models, int? TestRows = null);

/// <summary>One model's metrics (e.g. "Accuracy" 0.91, "MacroF1" 0.84).</summary>
public sealed record MetricsTableRow(string Model, IReadOnlyList<MetricValue> Metrics)
{
    /// <summary>Which rows the metrics come from, in words (e.g. "out of fold: the search's 3,750 rows"); null to leave out.</summary>
    public string? Rows { get; init; }
}

/// <summary>A metric's name and value.</summary>
public sealed record MetricValue(string Metric, double Value);
