namespace Pipelines.Trainers.Mlp;

/// <summary>
/// How classes are weighted in the loss: <see cref="Balanced"/> gives class c the weight n / (K n_c) (scikit-learn's
/// "balanced"), or one explicit weight per class in class-code order.
/// </summary>
public sealed record MlpClassWeights
{
    private MlpClassWeights(bool balanced, IReadOnlyList<float> values)
    {
        IsBalanced = balanced;
        Values = values;
    }

    /// <summary>n / (K n_c) for class c.</summary>
    public static MlpClassWeights Balanced { get; } = new(true, []);

    /// <summary>Explicit weights, one per class in class-code order; finite and not negative.</summary>
    public static MlpClassWeights Of(params float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Any(v => !(v >= 0) || float.IsInfinity(v))) throw new ArgumentException("Class weights must be finite and not negative.", nameof(values));
        return new(false, [.. values]);
    }

    public bool IsBalanced { get; }
    public IReadOnlyList<float> Values { get; }

    /// <summary>The weight of each of <paramref name="classCount"/> classes given the training class codes.</summary>
    internal float[] Resolve(int[] codes, int classCount, string step)
    {
        if (!IsBalanced)
        {
            if (Values.Count != classCount)
                throw new ArgumentException($"{step}: ClassWeights has {Values.Count} values but the label has {classCount} classes.");
            return [.. Values];
        }
        var counts = new int[classCount];
        foreach (var c in codes) counts[c]++;
        return [.. counts.Select(n => n == 0 ? 0f : codes.Length / (float)(classCount * n))];
    }
}
