namespace Pipelines.Profiling;

/// <summary>
/// A feature that alone decides the label almost exactly: its values, in up to <see cref="DecisiveFeatureScan.Bins"/>
/// bins, tell the class (or the value) of rows the binning never saw. Often a leak (the outcome written another way, or
/// a column filled in only after it), sometimes simply an easy problem; either way a user should know.
/// </summary>
/// <param name="Column">The feature.</param>
/// <param name="Score">Accuracy for a categorical label, R² for a numeric one, each row scored by bins fitted without it.</param>
public sealed record DecisiveFeature(string Column, double Score);
