namespace Pipelines.AutoML.Ensembling;

/// <summary>
/// A limit on what an ensemble may cost, for <see cref="EnsembleSelection"/>: each candidate's cost is paid once, when
/// it is first picked (picking it again only moves weight), and a pick whose cost would take the members' total above
/// <see cref="Limit"/> is not made. A final model refits every member, so with refit seconds as costs the selection
/// finds the best ensemble whose refit fits the time left, where a check after selection could only drop the ensemble.
/// </summary>
/// <param name="Costs">One non-negative, finite cost per candidate, in candidate order.</param>
/// <param name="Limit">The most the members' costs may add up to; at least one candidate must cost no more.</param>
public sealed record SelectionBudget(IReadOnlyList<double> Costs, double Limit);
