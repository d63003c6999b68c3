namespace Pipelines.Profiling;

/// <summary>
/// Class balance of a categorical label: rows per class in code order (missing labels not counted), and
/// <see cref="ImbalanceRatio"/> = largest class count / smallest non-zero class count (1 for a single class).
/// </summary>
public sealed record LabelProfile(string Name, IReadOnlyList<CategoryCount> ClassCounts, double ImbalanceRatio);
