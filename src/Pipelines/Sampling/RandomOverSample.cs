using Pipelines.Data;

namespace Pipelines.Sampling;

/// <summary>
/// Random over-sampling (imbalanced-learn's RandomOverSampler): each class below its target gets copies of
/// its own rows, drawn uniformly with replacement. Copies are exact, weight and missing values included,
/// so missing values are fine.
/// </summary>
public sealed record RandomOverSample : OverSampler
{
    /// <inheritdoc/>
    protected override DataFrame Synthesize(DataFrame input, ReadOnlySpan<int> classRows, int count, Random random)
    {
        var picked = new int[count];
        for (var i = 0; i < count; i++) picked[i] = classRows[random.Next(classRows.Length)];
        return input.Take(picked);
    }
}
