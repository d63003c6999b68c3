namespace Pipelines.Calibration;

/// <summary>The objective at one threshold: rows whose positive-class probability is ≥ <see cref="Threshold"/> are predicted positive.</summary>
public readonly record struct ThresholdPoint(float Threshold, double Value);

/// <summary>
/// The objective against the threshold on the positive class's probability, for a report to plot: <see cref="Points"/>
/// on a grid of thresholds 0, 0.01, ..., 1, the <see cref="Chosen"/> threshold, and the plain argmax (<see cref="Default"/>, 0.5).
/// </summary>
public sealed record ThresholdCurve(string Objective, string PositiveClass, IReadOnlyList<ThresholdPoint> Points, ThresholdPoint Chosen, ThresholdPoint Default);
