namespace Pipelines.Statistics;

/// <summary>The m-estimate of a mean: a group's mean shrunk towards a prior by m pseudo-observations.</summary>
public static class MEstimate
{
    /// <summary>
    /// (sum + m * prior) / (count + m), with <paramref name="sum"/> the total of a group's <paramref name="count"/>
    /// targets. m = 0 gives the plain group mean; a larger m pulls small groups harder towards the prior.
    /// An empty group with m = 0 (0 / 0) gets the prior.
    /// </summary>
    public static double Smoothed(double sum, double count, double prior, double m)
    {
        var denominator = count + m;
        return denominator > 0 ? (sum + m * prior) / denominator : prior;
    }
}
