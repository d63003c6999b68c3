namespace Pipelines.Trainers.Gan.Quality;

/// <summary>How close a synthetic table is to the real one (lower distances and a detection AUC near 0.5 are better).</summary>
/// <param name="ColumnKs">Kolmogorov-Smirnov statistic per numeric column.</param>
/// <param name="ColumnTv">Total-variation distance per categorical column (the label included).</param>
/// <param name="MeanKs">Mean of <paramref name="ColumnKs"/> (NaN if there is no numeric column).</param>
/// <param name="MeanTv">Mean of <paramref name="ColumnTv"/> (NaN if there is no categorical column).</param>
/// <param name="CorrelationDistance">Frobenius norm of the difference of the numeric Pearson correlation matrices.</param>
/// <param name="DetectionAuc">Cross-validated ROC AUC of a GBDT telling real from synthetic (0.5 = indistinguishable).</param>
/// <param name="TstrAccuracy">Real-test accuracy of a GBDT trained on the synthetic rows (NaN without a label or test rows).</param>
/// <param name="TrtrAccuracy">The same learner trained on the real training rows, for reference.</param>
public sealed record SyntheticQualityReport(
    IReadOnlyDictionary<string, double> ColumnKs,
    IReadOnlyDictionary<string, double> ColumnTv,
    double MeanKs,
    double MeanTv,
    double CorrelationDistance,
    double DetectionAuc,
    double TstrAccuracy,
    double TrtrAccuracy)
{
    /// <summary>One line per figure, for logs and benchmark output.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"mean KS {MeanKs:F3}, mean TV {MeanTv:F3}, correlation distance {CorrelationDistance:F3}, detection AUC {DetectionAuc:F3}, TSTR accuracy {TstrAccuracy:F3} (TRTR {TrtrAccuracy:F3})");
}
