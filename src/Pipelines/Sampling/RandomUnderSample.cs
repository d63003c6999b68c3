using Pipelines.Data;

namespace Pipelines.Sampling;

/// <summary>
/// Random under-sampling (imbalanced-learn's RandomUnderSampler): each class above its target keeps a uniform
/// random subset of its rows, drawn without replacement; the kept rows stay in their original order. Classes
/// at or below their target and rows with a missing label are all kept. Missing feature values are fine.
/// </summary>
public sealed record RandomUnderSample : Resampler
{
    /// <inheritdoc/>
    public override SamplingDirection Direction => SamplingDirection.Under;

    /// <inheritdoc/>
    protected override DataFrame Resample(DataFrame input, ClassRows groups, int[] targets, Random random)
    {
        var keep = new bool[input.RowCount];
        Array.Fill(keep, true);
        for (var c = 0; c < groups.Count; c++)
        {
            var rows = groups[c];
            var drop = rows.Length - targets[c];
            if (drop <= 0) continue;
            // Partial Fisher–Yates: the first `drop` places of a shuffled copy are the rows removed.
            var order = rows.ToArray();
            for (var i = 0; i < drop; i++)
            {
                var j = i + random.Next(order.Length - i);
                (order[i], order[j]) = (order[j], order[i]);
                keep[order[i]] = false;
            }
        }
        var kept = new List<int>(input.RowCount);
        for (var i = 0; i < keep.Length; i++) if (keep[i]) kept.Add(i);
        return input.Take(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(kept));
    }
}
