namespace Pipelines.Trainers.Neural.Losses;

/// <summary>Mean squared error (torch.nn.MSELoss): loss = sum_i s_i (x_i - y_i)^2 / sum_i s_i (s_i = 1 without weights).</summary>
public sealed class MSELoss
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Losses are objects, as torch.nn losses.")]
    public Tensor Forward(Tensor predictions, ReadOnlySpan<float> targets, ReadOnlySpan<float> sampleWeights = default)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var n = predictions.Count;
        if (targets.Length != n) throw new ArgumentException($"MSELoss: {n} predictions but {targets.Length} targets.", nameof(targets));
        var target = new Tensor(targets.ToArray(), [.. predictions.Shape]);
        var squared = (predictions - target).Square();
        if (sampleWeights.IsEmpty) return squared.Mean();
        if (sampleWeights.Length != n) throw new ArgumentException($"MSELoss: {n} predictions but {sampleWeights.Length} weights.", nameof(sampleWeights));
        var total = System.Numerics.Tensors.TensorPrimitives.Sum(sampleWeights);
        return (squared * new Tensor(sampleWeights.ToArray(), [.. predictions.Shape])).Sum() * (total > 0 ? 1f / total : 0f);
    }
}
