using Pipelines.Profiling;

namespace Pipelines.AutoML.Reporting;

/// <summary>
/// Everything <see cref="HtmlReport"/> draws, as plain data. Every section is optional: a null section is left out of the
/// report (with its entry in the contents), and the others are drawn as usual. Nothing here depends on how the numbers
/// were computed, so a report can be built from a finished run, from stored results, or by hand.
/// </summary>
public sealed record ReportData
{
    /// <summary>Title, data set, date, elapsed time and budget.</summary>
    public required ReportHeader Header { get; init; }

    /// <summary>The data profile of the training data (columns, missing shares, outliers, duplicates, label).</summary>
    public DataProfile? Profile { get; init; }

    /// <summary>The cleaning steps that were applied, in words and in order (e.g. "ImputeMissing (median): age, income").</summary>
    public IReadOnlyList<string>? FixesApplied { get; init; }

    /// <summary>Rows per class before and after rebalancing.</summary>
    public ClassBalance? ClassBalance { get; init; }

    /// <summary>The best trials of the search.</summary>
    public LeaderboardData? Leaderboard { get; init; }

    /// <summary>Best score over time and every trial's score.</summary>
    public SearchProgressData? Progress { get; init; }

    /// <summary>Metrics of the final models, each on the rows it names (<see cref="MetricsTableRow.Rows"/>).</summary>
    public MetricsTable? TestMetrics { get; init; }

    /// <summary>
    /// The rows the confusion matrix, the ROC and precision-recall curves are drawn from, in words (e.g. "held out: 1,250
    /// rows, scored by the final model fitted on the other 3,750"); null says "the test rows".
    /// </summary>
    public string? EvaluationRows { get; init; }

    /// <summary>The final model's confusion matrix on the <see cref="EvaluationRows"/>.</summary>
    public ConfusionMatrixData? ConfusionMatrix { get; init; }

    /// <summary>ROC curves on the <see cref="EvaluationRows"/> (one per class for a multiclass label).</summary>
    public IReadOnlyList<RocSeries>? RocCurves { get; init; }

    /// <summary>Precision-recall curves on the <see cref="EvaluationRows"/> (one per class for a multiclass label).</summary>
    public IReadOnlyList<PrSeries>? PrCurves { get; init; }

    /// <summary>A metric against the decision threshold, with the threshold that was chosen.</summary>
    public ThresholdCurveData? Threshold { get; init; }

    /// <summary>Permutation importance of the input features (on the rows it names).</summary>
    public FeatureImportanceData? FeatureImportance { get; init; }

    /// <summary>Real against synthetic distributions, when a GAN made rows.</summary>
    public SyntheticComparison? Synthetic { get; init; }

    /// <summary>Teacher, student, pruned and int8 models: size, accuracy and latency, with their ratios to the teacher's.</summary>
    public CompressionTableData? Compression { get; init; }
}
