namespace Pipelines.Transforms.Cleaning;

/// <summary>How <see cref="ClipOutliers"/> sets a column's bounds from its training values.</summary>
public enum ClipMethod
{
    /// <summary>Tukey's fences: [Q1 - k * IQR, Q3 + k * IQR] with IQR = Q3 - Q1.</summary>
    Iqr,
    /// <summary>The lower and upper quantiles themselves (winsorizing).</summary>
    Quantile,
}
