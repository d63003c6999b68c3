namespace Pipelines.AutoML.Reporting;

/// <summary>
/// Real rows against the rows a GAN synthesized, column by column: histograms over shared bins for numeric columns and
/// category counts for categorical ones. The report compares shares, so the two sides may hold different row counts.
/// </summary>
/// <param name="RealRows">Real rows compared.</param>
/// <param name="SyntheticRows">Synthetic rows compared.</param>
/// <param name="Numeric">One histogram pair per numeric column.</param>
/// <param name="Categorical">One count pair per categorical column.</param>
public sealed partial record SyntheticComparison(
    int RealRows, int SyntheticRows, IReadOnlyList<NumericDistribution> Numeric, IReadOnlyList<CategoricalDistribution> Categorical);

/// <summary>Histograms of one numeric column over the same bins; bin i is [BinEdges[i], BinEdges[i + 1]).</summary>
/// <param name="Column">The column's name.</param>
/// <param name="BinEdges">Ascending edges, one more than there are bins.</param>
/// <param name="Real">Real rows per bin.</param>
/// <param name="Synthetic">Synthetic rows per bin.</param>
public sealed record NumericDistribution(string Column, IReadOnlyList<double> BinEdges, IReadOnlyList<long> Real, IReadOnlyList<long> Synthetic);

/// <summary>Rows per category of one categorical column, real and synthetic, over the same categories.</summary>
/// <param name="Column">The column's name.</param>
/// <param name="Categories">The categories, in the order drawn.</param>
/// <param name="Real">Real rows per category.</param>
/// <param name="Synthetic">Synthetic rows per category.</param>
public sealed record CategoricalDistribution(string Column, IReadOnlyList<string> Categories, IReadOnlyList<long> Real, IReadOnlyList<long> Synthetic);
