using Pipelines.Data;

namespace Pipelines.Profiling;

/// <summary>A category and the number of rows that hold it.</summary>
public sealed record CategoryCount(string Category, int Count);

/// <summary>
/// Summary of a numeric column's non-missing values (all NaN, with zero outliers, when every value is missing).
/// Std is the population standard deviation; skewness is g₁ = m₃ / m₂^{3/2}.
/// Outliers are values outside [<see cref="LowerFence"/>, <see cref="UpperFence"/>] = [Q1 − k·IQR, Q3 + k·IQR].
/// </summary>
public sealed record NumericSummary(
    double Min, double Max, double Mean, double Std, double Skewness,
    double LowerFence, double UpperFence, int OutlierCount);

/// <summary>
/// What one column holds. <see cref="MissingFraction"/> = missing rows / rows; <see cref="DistinctCount"/> counts
/// distinct non-missing values; a column is constant when it has at most one distinct value (an all-missing
/// column is constant). <see cref="Numeric"/> is set for numeric columns, <see cref="TopCategories"/>
/// (most frequent first, ties by first appearance in the dictionary) for categorical ones.
/// </summary>
public sealed record ColumnProfile(
    string Name,
    ColumnKind Kind,
    ColumnRole Role,
    double MissingFraction,
    int DistinctCount,
    bool IsConstant,
    NumericSummary? Numeric,
    IReadOnlyList<CategoryCount>? TopCategories);
