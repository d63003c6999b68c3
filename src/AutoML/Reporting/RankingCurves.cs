using Pipelines.Evaluation;

namespace Pipelines.AutoML.Reporting;

/// <summary>One ROC curve (e.g. of one class against the rest) with its area.</summary>
/// <param name="Name">What the curve is of (a class name, or "positive class").</param>
/// <param name="Points">The curve as <see cref="RankingMetrics.RocCurve"/> gives it.</param>
/// <param name="Auc">The area under it.</param>
public sealed record RocSeries(string Name, IReadOnlyList<RocPoint> Points, double Auc);

/// <summary>One precision-recall curve with its average precision.</summary>
/// <param name="Name">What the curve is of (a class name, or "positive class").</param>
/// <param name="Points">The curve as <see cref="RankingMetrics.PrCurve"/> gives it.</param>
/// <param name="AveragePrecision">The area under it (average precision).</param>
/// <param name="Prevalence">Share of positive rows, which is the precision of a random ranking (drawn as a baseline); null to leave out.</param>
public sealed record PrSeries(string Name, IReadOnlyList<PrPoint> Points, double AveragePrecision, double? Prevalence = null);
