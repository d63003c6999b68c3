using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Sampling;
using Pipelines.Statistics;

namespace Pipelines.Augmentation;

/// <summary>
/// Training-only augmentation: appends <see cref="Copies"/> noisy copies of a <see cref="Fraction"/> of the rows
/// (round(Fraction · n) rows per copy, a uniform random subset without replacement, in row order). Each numeric
/// feature j of a copy gets N(0, (Sigma · s_j)²) noise, s_j being the population standard deviation of feature j
/// over all training rows (constant features get none). Label, categorical, text and weight columns are copied,
/// and a missing value stays missing. The original rows come first, unchanged.
/// </summary>
public sealed record GaussianNoiseAugment : TrainingRowStep
{
    /// <summary>How many noisy copies to append (default 1).</summary>
    public int Copies { get; init; } = 1;

    /// <summary>Share of the rows copied each time, in (0, 1] (default 1: every row).</summary>
    public double Fraction { get; init; } = 1.0;

    /// <summary>Noise standard deviation relative to each feature's standard deviation (default 0.1).</summary>
    public double Sigma { get; init; } = 0.1;

    /// <summary>Seed of the only source of randomness.</summary>
    public int Seed { get; init; }

    /// <inheritdoc/>
    protected override void Validate(DataFrame input)
    {
        const string step = nameof(GaussianNoiseAugment);
        if (Copies < 0) ThrowHelper.BadOption(step, nameof(Copies), Copies, "a count >= 0");
        if (!(Fraction > 0 && Fraction <= 1)) ThrowHelper.BadOption(step, nameof(Fraction), Fraction, "a share in (0, 1]");
        if (!(Sigma >= 0) || double.IsInfinity(Sigma)) ThrowHelper.BadOption(step, nameof(Sigma), Sigma, "a finite number >= 0");
    }

    /// <inheritdoc/>
    protected override DataFrame ChangeRows(DataFrame input)
    {
        var n = input.RowCount;
        var perCopy = (int)Math.Round(Fraction * n);
        if (Copies == 0 || perCopy == 0) return input;
        var random = new Random(Seed);
        var sources = new int[Copies * perCopy];
        var order = new int[n];
        for (var copy = 0; copy < Copies; copy++)
        {
            for (var i = 0; i < n; i++) order[i] = i;
            for (var i = 0; i < perCopy && perCopy < n; i++)
            {
                var j = i + random.Next(n - i);
                (order[i], order[j]) = (order[j], order[i]);
            }
            var chosen = sources.AsSpan(copy * perCopy, perCopy);
            order.AsSpan(0, perCopy).CopyTo(chosen);
            chosen.Sort();
        }
        var numeric = FeatureData.NumericFeatures(input);
        var buffers = FeatureData.Buffers(numeric.Length, sources.Length);
        for (var j = 0; j < numeric.Length; j++)
        {
            var values = numeric[j].Values;
            var std = Moments.MeanStd(values).Std;
            var scale = std > 0 ? Sigma * std : 0.0;
            var target = buffers[j];
            for (var s = 0; s < sources.Length; s++)
            {
                var v = values[sources[s]];
                target[s] = scale > 0 ? (float)(v + scale * RandomVariates.Normal(random)) : v;
            }
        }
        return input.AppendRows(FeatureData.Replace(input, sources, numeric, buffers));
    }
}
