namespace Pipelines.AutoML.Reporting;

/// <summary>A metric against the decision threshold on the positive class's probability, with the threshold that was chosen.</summary>
/// <param name="Metric">The metric's name (e.g. "F1").</param>
/// <param name="Points">The metric at each threshold, in any order.</param>
/// <param name="ChosenThreshold">The threshold the final model uses; the point nearest to it is marked.</param>
/// <param name="PositiveClass">The class whose probability is thresholded; null to leave out.</param>
public sealed record ThresholdCurveData(string Metric, IReadOnlyList<ThresholdDataPoint> Points, double ChosenThreshold, string? PositiveClass = null);

/// <summary>The metric's value when rows with probability at least <paramref name="Threshold"/> are predicted positive.</summary>
public sealed record ThresholdDataPoint(double Threshold, double Value);
