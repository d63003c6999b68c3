namespace Pipelines.Trainers.Neural.Losses;

/// <summary>
/// Cross-entropy on logits [n, C] (torch.nn.CrossEntropyLoss). With hard targets y_i, label smoothing eps and class
/// weights w_c: q_ic = (1 - eps) [c = y_i] + eps / C, l_i = -s_i sum_c w_c q_ic log_softmax(x)_ic, and
/// loss = sum_i l_i / sum_i s_i w_(y_i) (PyTorch's weighted mean; s_i = optional sample weights, else 1).
/// With soft targets p_ic (rows summing to 1): l_i = -s_i sum_c w_c p_ic log_softmax(x)_ic, loss = sum_i l_i / sum_i s_i.
/// Gradients flow through <see cref="Tensor.LogSoftmax"/>.
/// </summary>
public sealed class CrossEntropyLoss
{
    public CrossEntropyLoss(IReadOnlyList<float>? classWeights = null, float labelSmoothing = 0f)
    {
        if (labelSmoothing is < 0 or > 1 || float.IsNaN(labelSmoothing))
            throw new ArgumentOutOfRangeException(nameof(labelSmoothing), labelSmoothing, "label smoothing must be in [0, 1].");
        if (classWeights is not null && classWeights.Any(w => !(w >= 0) || float.IsInfinity(w)))
            throw new ArgumentException("Class weights must be finite and not negative.", nameof(classWeights));
        ClassWeights = classWeights is null ? null : [.. classWeights];
        LabelSmoothing = labelSmoothing;
    }

    public IReadOnlyList<float>? ClassWeights { get; }
    public float LabelSmoothing { get; }

    /// <summary>The loss against class indices <paramref name="targets"/> (one per row).</summary>
    public Tensor Forward(Tensor logits, ReadOnlySpan<int> targets, ReadOnlySpan<float> sampleWeights = default)
    {
        var (n, c) = Check(logits, targets.Length, sampleWeights.Length);
        var coefficients = TensorArena.Take(n * c);
        double total = 0;
        for (var i = 0; i < n; i++)
        {
            if ((uint)targets[i] >= (uint)c) throw new ArgumentOutOfRangeException(nameof(targets), targets[i], $"CrossEntropyLoss: class index out of range for {c} classes.");
            var s = sampleWeights.IsEmpty ? 1f : sampleWeights[i];
            total += s * Weight(targets[i]);
            for (var j = 0; j < c; j++)
            {
                var q = (j == targets[i] ? 1 - LabelSmoothing : 0) + LabelSmoothing / c;
                coefficients[i * c + j] = -s * Weight(j) * q;
            }
        }
        return Reduce(logits, coefficients, total);
    }

    /// <summary>The loss against probability targets [n, C] (rows summing to 1; label smoothing applies too).</summary>
    public Tensor Forward(Tensor logits, Tensor targetProbabilities, ReadOnlySpan<float> sampleWeights = default)
    {
        ArgumentNullException.ThrowIfNull(targetProbabilities);
        var (n, c) = Check(logits, targetProbabilities.Rows, sampleWeights.Length);
        if (targetProbabilities.Count != n * c) throw new ArgumentException($"CrossEntropyLoss: targets must be [{n}, {c}].", nameof(targetProbabilities));
        var coefficients = TensorArena.Take(n * c);
        double total = 0;
        for (var i = 0; i < n; i++)
        {
            var s = sampleWeights.IsEmpty ? 1f : sampleWeights[i];
            total += s;
            for (var j = 0; j < c; j++)
            {
                var q = (1 - LabelSmoothing) * targetProbabilities.Data[i * c + j] + LabelSmoothing / c;
                coefficients[i * c + j] = -s * Weight(j) * q;
            }
        }
        return Reduce(logits, coefficients, total);
    }

    private float Weight(int c) => ClassWeights is null ? 1f : ClassWeights[c];

    private (int N, int C) Check(Tensor logits, int targets, int weights)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (logits.Rank != 2) throw new ArgumentException($"CrossEntropyLoss: logits must be [n, C], got [{string.Join(", ", logits.Shape)}].", nameof(logits));
        int n = logits.Shape[0], c = logits.Shape[1];
        if (targets != n) throw new ArgumentException($"CrossEntropyLoss: {n} rows of logits but {targets} targets.");
        if (weights != 0 && weights != n) throw new ArgumentException($"CrossEntropyLoss: {n} rows but {weights} sample weights.");
        if (ClassWeights is not null && ClassWeights.Count != c) throw new ArgumentException($"CrossEntropyLoss: {c} classes but {ClassWeights.Count} class weights.");
        return (n, c);
    }

    private static Tensor Reduce(Tensor logits, float[] coefficients, double total)
    {
        var scale = total > 0 ? (float)(1 / total) : 0f;
        return (logits.LogSoftmax() * new Tensor(coefficients, [.. logits.Shape])).Sum() * scale;
    }
}
