namespace Pipelines.Sampling;

/// <summary>
/// Rule of thumb for a Gaussian kernel's bandwidth factor, as scipy's <c>gaussian_kde</c>: with n rows and d
/// features, Scott: n^(−1/(d+4)); Silverman: (n·(d+2)/4)^(−1/(d+4)). The bandwidth of feature j is the factor
/// times that feature's sample standard deviation.
/// </summary>
public enum BandwidthRule
{
    /// <summary>n^(−1/(d+4)).</summary>
    Scott,
    /// <summary>(n·(d+2)/4)^(−1/(d+4)).</summary>
    Silverman,
}
