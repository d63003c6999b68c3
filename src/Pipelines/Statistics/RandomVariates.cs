namespace Pipelines.Statistics;

/// <summary>Draws from continuous distributions with a caller-owned, seeded <see cref="Random"/>.</summary>
public static class RandomVariates
{
    /// <summary>A standard normal draw (Box–Muller; one of the pair is used).</summary>
    public static double Normal(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var u1 = 1.0 - random.NextDouble(); // (0, 1]: log is finite
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>
    /// A Gamma(shape, 1) draw by Marsaglia and Tsang (2000); for shape &lt; 1 it boosts a Gamma(shape + 1)
    /// draw by U^(1/shape).
    /// </summary>
    public static double Gamma(Random random, double shape)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!(shape > 0) || double.IsInfinity(shape))
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "Gamma needs a finite shape > 0.");
        if (shape < 1)
        {
            var u = 1.0 - random.NextDouble();
            return Gamma(random, shape + 1) * Math.Pow(u, 1.0 / shape);
        }
        var d = shape - 1.0 / 3.0;
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(random);
                v = 1.0 + c * x;
            }
            while (v <= 0);
            v = v * v * v;
            var u = 1.0 - random.NextDouble();
            if (u < 1.0 - 0.0331 * x * x * x * x) return d * v;
            if (Math.Log(u) < 0.5 * x * x + d * (1.0 - v + Math.Log(v))) return d * v;
        }
    }

    /// <summary>A Beta(a, b) draw as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b); mean a / (a + b).</summary>
    public static double Beta(Random random, double a, double b)
    {
        var x = Gamma(random, a);
        var y = Gamma(random, b);
        var sum = x + y;
        // Both underflow only for tiny shapes, where the mass sits at 0 and 1 equally often.
        return sum > 0 ? x / sum : (random.NextDouble() < a / (a + b) ? 1.0 : 0.0);
    }
}
