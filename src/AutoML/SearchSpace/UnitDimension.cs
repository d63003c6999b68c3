namespace Pipelines.AutoML.SearchSpace;

/// <summary>
/// One coordinate of a space's flat unit vector: the parameter's path (names joined by '.', a choice option's
/// sub-parameters under "choice.option") and its scale.
/// </summary>
public sealed record UnitDimension(string Path, IUnitScale Scale);
