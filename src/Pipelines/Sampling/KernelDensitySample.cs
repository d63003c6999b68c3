using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Statistics;

namespace Pipelines.Sampling;

/// <summary>
/// Over-sampling from a per-class Gaussian kernel density estimate with a diagonal bandwidth (a smoothed
/// bootstrap): each new row of a class copies a random row of that class and adds N(0, h_j²) noise to every
/// numeric feature j, where h_j = factor · s_j, s_j is the feature's sample standard deviation (n − 1) within
/// the class, and the factor comes from <see cref="Rule"/> with that class's row count and the number of
/// numeric features. A constant feature (or a class of one row) gets no noise.
/// Categorical, text and weight columns are copied from the chosen row. Numeric features must be complete
/// (NaN is refused: put an imputer first).
/// </summary>
public sealed record KernelDensitySample : OverSampler
{
    /// <summary>Bandwidth rule of thumb (default Scott's).</summary>
    public BandwidthRule Rule { get; init; } = BandwidthRule.Scott;

    /// <summary>Multiplies every bandwidth (default 1); below 1 stays closer to the real rows.</summary>
    public double BandwidthScale { get; init; } = 1.0;

    /// <inheritdoc/>
    protected override void ValidateOptions()
    {
        if (!Enum.IsDefined(Rule)) ThrowHelper.BadOption(StepName, nameof(Rule), Rule, "Scott or Silverman");
        if (!(BandwidthScale >= 0) || double.IsInfinity(BandwidthScale))
            ThrowHelper.BadOption(StepName, nameof(BandwidthScale), BandwidthScale, "a finite number >= 0");
    }

    /// <inheritdoc/>
    protected override void ValidateData(DataFrame input, ClassRows groups) =>
        FeatureData.RequireComplete(StepName, FeatureData.NumericFeatures(input));

    /// <summary>The bandwidth factor for <paramref name="rows"/> rows and <paramref name="dims"/> features.</summary>
    public static double Factor(BandwidthRule rule, int rows, int dims) => rule switch
    {
        BandwidthRule.Scott => Math.Pow(rows, -1.0 / (dims + 4)),
        BandwidthRule.Silverman => Math.Pow(rows * (dims + 2) / 4.0, -1.0 / (dims + 4)),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown bandwidth rule."),
    };

    /// <inheritdoc/>
    protected override DataFrame Synthesize(DataFrame input, ReadOnlySpan<int> classRows, int count, Random random)
    {
        var numeric = FeatureData.NumericFeatures(input);
        var m = classRows.Length;
        var factor = Factor(Rule, m, numeric.Length) * BandwidthScale;
        var bandwidth = new double[numeric.Length];
        var scratch = new float[m];
        for (var j = 0; j < numeric.Length; j++)
        {
            var values = numeric[j].Values;
            for (var i = 0; i < m; i++) scratch[i] = values[classRows[i]];
            var std = m > 1 ? Moments.MeanStd(scratch).Std * Math.Sqrt(m / (m - 1.0)) : 0.0;
            bandwidth[j] = factor * std;
        }
        var sources = new int[count];
        for (var s = 0; s < count; s++) sources[s] = classRows[random.Next(m)];
        var buffers = FeatureData.Buffers(numeric.Length, count);
        for (var s = 0; s < count; s++)
        {
            for (var j = 0; j < numeric.Length; j++)
            {
                var noise = bandwidth[j] > 0 ? bandwidth[j] * RandomVariates.Normal(random) : 0.0;
                buffers[j][s] = (float)(numeric[j][sources[s]] + noise);
            }
        }
        return FeatureData.Replace(input, sources, numeric, buffers);
    }
}
