namespace Pipelines.Trainers.Neural.Losses;

/// <summary>
/// Binary cross-entropy on logits (torch.nn.BCEWithLogitsLoss), computed stably with softplus:
/// l_i = w_i [pos_weight * y_i * softplus(-x_i) + (1 - y_i) * softplus(x_i)], loss = sum_i l_i / sum_i w_i
/// (w_i = 1 without sample weights: the plain mean). dl_i/dx_i = w_i [pos_weight y_i (sigmoid(x_i) - 1) + (1 - y_i) sigmoid(x_i)].
/// </summary>
public sealed class BCEWithLogitsLoss
{
    public BCEWithLogitsLoss(float posWeight = 1f)
    {
        if (!(posWeight > 0) || float.IsInfinity(posWeight)) throw new ArgumentOutOfRangeException(nameof(posWeight), posWeight, "pos_weight must be positive and finite.");
        PosWeight = posWeight;
    }

    public float PosWeight { get; }

    /// <summary>The loss of <paramref name="logits"/> against targets in [0, 1] (same length), optionally weighted per value.</summary>
    public Tensor Forward(Tensor logits, ReadOnlySpan<float> targets, ReadOnlySpan<float> weights = default)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var n = logits.Count;
        if (targets.Length != n) throw new ArgumentException($"BCEWithLogitsLoss: {n} logits but {targets.Length} targets.", nameof(targets));
        if (!weights.IsEmpty && weights.Length != n) throw new ArgumentException($"BCEWithLogitsLoss: {n} logits but {weights.Length} weights.", nameof(weights));
        var y = targets.ToArray();
        var w = weights.IsEmpty ? null : weights.ToArray();
        var total = w is null ? n : System.Numerics.Tensors.TensorPrimitives.Sum(w);
        var x = logits.Data;
        double loss = 0;
        for (var i = 0; i < n; i++)
        {
            var li = PosWeight * y[i] * Softplus(-x[i]) + (1 - y[i]) * Softplus(x[i]);
            loss += (w is null ? 1 : w[i]) * li;
        }
        var posWeight = PosWeight;
        return Tensor.Result([(float)(loss / total)], [], [logits], grad =>
        {
            if (!logits.RequiresGrad) return;
            var g = logits.GradBuffer();
            var scale = grad[0] / total;
            for (var i = 0; i < n; i++)
            {
                var s = 1f / (1f + MathF.Exp(-x[i]));
                g[i] += scale * (w is null ? 1 : w[i]) * (posWeight * y[i] * (s - 1) + (1 - y[i]) * s);
            }
        });
    }

    /// <summary>softplus(z) = ln(1 + e^z) = max(z, 0) + ln(1 + e^-|z|), without overflow.</summary>
    private static float Softplus(float z) => MathF.Max(z, 0) + MathF.Log(1 + MathF.Exp(-MathF.Abs(z)));
}
