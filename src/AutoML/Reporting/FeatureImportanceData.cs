namespace Pipelines.AutoML.Reporting;

/// <summary>How much the score drops when one feature column is shuffled: mean and standard deviation over the repeats.</summary>
/// <param name="Feature">The input column.</param>
/// <param name="MeanDrop">Baseline score minus shuffled score, averaged over the repeats (near 0 or below for a useless feature).</param>
/// <param name="StdDrop">The population standard deviation of the drop over the repeats.</param>
public sealed record FeatureDrop(string Feature, double MeanDrop, double StdDrop);

/// <summary>Permutation importances for the report.</summary>
/// <param name="Metric">The score that was shuffled against (e.g. "MacroF1").</param>
/// <param name="Features">One entry per feature; drawn largest drop first, the first <see cref="HtmlReport.ImportanceRows"/>.</param>
/// <param name="Repeats">Shuffles per feature; null to leave out.</param>
public sealed record FeatureImportanceData(string Metric, IReadOnlyList<FeatureDrop> Features, int? Repeats = null)
{
    /// <summary>The rows that were shuffled, in words; null says "the test rows".</summary>
    public string? Rows { get; init; }

    /// <summary>Why there are no importances (e.g. no time was left for them); null when there is nothing to say.</summary>
    public string? Note { get; init; }
}
