using Pipelines.Core;
using Pipelines.Data;

namespace Pipelines.Sampling;

/// <summary>
/// Base of over-samplers: every class below its target gets new rows, made one class at a time in class-code
/// order and appended after the original rows (which keep their order).
/// </summary>
public abstract record OverSampler : Resampler
{
    /// <inheritdoc/>
    public sealed override SamplingDirection Direction => SamplingDirection.Over;

    /// <inheritdoc/>
    protected sealed override DataFrame Resample(DataFrame input, ClassRows groups, int[] targets, Random random)
    {
        var result = input;
        for (var c = 0; c < groups.Count; c++)
        {
            var need = targets[c] - groups[c].Length;
            if (need <= 0) continue;
            TrainingContext.ThrowIfCancelled(); // per class: a cancelled trial stops before the next class's rows
            result = result.AppendRows(Synthesize(input, groups[c], need, random));
        }
        return result;
    }

    /// <summary>
    /// <paramref name="count"/> new rows of the class whose rows are <paramref name="classRows"/>, with the
    /// input's columns in order. The label of each new row must be that class.
    /// </summary>
    protected abstract DataFrame Synthesize(DataFrame input, ReadOnlySpan<int> classRows, int count, Random random);
}
