using Pipelines.Profiling;

namespace Pipelines.AutoML.Reporting;

/// <summary>
/// Rows per class of the training data before and after rebalancing. Classes are matched by name; a class missing from
/// one side counts 0 there.
/// </summary>
/// <param name="Before">Rows per class before rebalancing.</param>
/// <param name="After">Rows per class after rebalancing.</param>
/// <param name="Method">The rebalancing step in words (e.g. "SMOTE to ratio 0.5"); null to leave out.</param>
public sealed record ClassBalance(IReadOnlyList<CategoryCount> Before, IReadOnlyList<CategoryCount> After, string? Method = null);
