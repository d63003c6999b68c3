using Pipelines.Trainers.Neural;

namespace Pipelines.Trainers.Gan.Networks;

/// <summary>
/// Gumbel-softmax (Jang et al. 2017; torch.nn.functional.gumbel_softmax, soft): y = softmax((logits + g) / tau), row-wise,
/// with g = -ln(-ln u), u ~ U(0, 1) drawn from the seeded generator. Each row sums to 1; as tau falls toward 0 the rows
/// approach one-hot samples of softmax(logits). The noise is a constant, so gradients flow to the logits only.
/// </summary>
public static class GumbelSoftmax
{
    /// <summary>The relaxed one-hot sample of <paramref name="logits"/> [n, k] at temperature <paramref name="tau"/>.</summary>
    public static Tensor Sample(Tensor logits, float tau, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(generator);
        if (!(tau > 0)) throw new ArgumentOutOfRangeException(nameof(tau), tau, "The Gumbel-softmax temperature must be positive.");
        var noise = TensorArena.Take(logits.Count);
        for (var i = 0; i < noise.Length; i++)
        {
            var u = Math.Clamp(generator.NextFloat(), 1e-10f, 1 - 1e-7f);
            noise[i] = -MathF.Log(-MathF.Log(u));
        }
        return ((logits + new Tensor(noise, logits.Shape)) * (1f / tau)).Softmax();
    }
}
