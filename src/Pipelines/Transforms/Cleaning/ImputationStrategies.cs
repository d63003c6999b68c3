namespace Pipelines.Transforms.Cleaning;

/// <summary>What <see cref="ImputeMissing"/> puts in place of a missing numeric value.</summary>
public enum NumericImputation
{
    /// <summary>Mean of the column's non-missing training values.</summary>
    Mean,
    /// <summary>Median (0.5 quantile, interpolated) of the non-missing training values.</summary>
    Median,
    /// <summary>Most frequent non-missing training value; ties go to the smallest.</summary>
    MostFrequent,
    /// <summary>The estimator's NumericFill.</summary>
    Constant,
}

/// <summary>What <see cref="ImputeMissing"/> puts in place of a missing category.</summary>
public enum CategoricalImputation
{
    /// <summary>Most frequent training category; ties go to the one first in the column's dictionary.</summary>
    MostFrequent,
    /// <summary>The estimator's CategoricalFill, added to the dictionary when it is not a category yet.</summary>
    Constant,
}
