namespace Pipelines.Trainers.Neural;

/// <summary>
/// A seeded source of random numbers for initialization, dropout and shuffling (as <c>torch.Generator</c>):
/// the same seed gives the same sequence on every machine.
/// </summary>
public sealed class Generator(int seed)
{
    private readonly Random random = new(seed);

    public int Seed { get; } = seed;

    /// <summary>Uniform in [0, 1).</summary>
    public float NextFloat() => (float)random.NextDouble();

    /// <summary>Uniform in [low, high).</summary>
    public float Uniform(float low, float high) => low + (high - low) * (float)random.NextDouble();

    /// <summary>Standard normal by the Box-Muller transform.</summary>
    public float Normal()
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return (float)(Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }

    /// <summary>Uniform integer in [0, maxExclusive).</summary>
    public int Next(int maxExclusive) => random.Next(maxExclusive);

    /// <summary>Fisher-Yates shuffle of <paramref name="values"/> in place.</summary>
    public void Shuffle(Span<int> values) => random.Shuffle(values);
}
