namespace Pipelines.Trainers.Neural;

/// <summary>Inverted dropout.</summary>
public sealed partial class Tensor
{
    /// <summary>
    /// While <paramref name="training"/>: each value is zeroed with probability p (drawn from <paramref name="generator"/>)
    /// and the rest scaled by 1 / (1 - p), so the expectation is unchanged; dx = dy * mask. Otherwise the identity.
    /// </summary>
    public Tensor Dropout(float p, bool training, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (p is < 0 or >= 1 || float.IsNaN(p)) throw new ArgumentOutOfRangeException(nameof(p), p, "Dropout probability must be in [0, 1).");
        if (!training || p == 0) return this;
        var keep = 1f / (1f - p);
        var mask = TensorArena.Take(Count);
        for (var i = 0; i < mask.Length; i++) mask[i] = generator.NextFloat() < p ? 0f : keep;
        var output = TensorArena.Take(Count);
        System.Numerics.Tensors.TensorPrimitives.Multiply(Data, mask, output);
        return Result(output, Shape, [this], grad =>
        {
            if (!RequiresGrad) return;
            var d = TensorArena.Take(Count);
            System.Numerics.Tensors.TensorPrimitives.Multiply(grad, mask, d);
            AccumulateGrad(d);
        });
    }
}
