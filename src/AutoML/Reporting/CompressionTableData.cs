namespace Pipelines.AutoML.Reporting;

/// <summary>Models before and after compression (teacher, student, pruned, int8), the first row being the reference.</summary>
/// <param name="AccuracyMetric">What <see cref="CompressionRow.Accuracy"/> measures (e.g. "accuracy", "R²").</param>
/// <param name="LatencyUnit">What <see cref="CompressionRow.LatencyMs"/> times (e.g. "ms per row", "ms per batch of 1,024").</param>
/// <param name="Rows">One row per model; ratios in the table are against the first (model / first).</param>
public sealed record CompressionTableData(string AccuracyMetric, string LatencyUnit, IReadOnlyList<CompressionRow> Rows)
{
    /// <summary>What the table shows or why it stops at the first model (no student was distilled), in words; null for none.</summary>
    public string? Note { get; init; }
}

/// <summary>One model of the compression table.</summary>
/// <param name="Model">The model's name (e.g. "teacher (GBDT)", "student MLP", "pruned 50%", "int8").</param>
/// <param name="SizeBytes">Size of the saved model in bytes.</param>
/// <param name="Accuracy">Test accuracy (or the metric named by <see cref="CompressionTableData.AccuracyMetric"/>); NaN when not measured (a student that was only sized).</param>
/// <param name="LatencyMs">Inference latency in milliseconds, per <see cref="CompressionTableData.LatencyUnit"/>; NaN when not measured.</param>
public sealed record CompressionRow(string Model, long SizeBytes, double Accuracy, double LatencyMs);
