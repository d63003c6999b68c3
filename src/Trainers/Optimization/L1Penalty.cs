namespace Pipelines.Trainers.Optimization;

/// <summary>
/// The non-smooth part r(x) = Σ_j λ_j |x_j| of an OWL-QN objective F = f + r, with the pieces of Andrew &amp; Gao (2007),
/// "Scalable training of L1-regularized log-linear models": the pseudo-gradient, the orthant of a point and the
/// projection onto an orthant. λ_j = 0 leaves coordinate j smooth and unconstrained (an unpenalized intercept).
/// </summary>
internal sealed class L1Penalty
{
    private readonly double[] lambda;

    public L1Penalty(ReadOnlySpan<double> lambda)
    {
        foreach (var l in lambda)
        {
            if (!(l >= 0) || double.IsInfinity(l)) throw new ArgumentOutOfRangeException(nameof(lambda), l, "L1 weights must be finite and >= 0.");
        }
        this.lambda = lambda.ToArray();
    }

    public int Dimension => lambda.Length;

    /// <summary>r(x) = Σ_j λ_j |x_j|.</summary>
    public double Value(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (var j = 0; j < x.Length; j++) sum += lambda[j] * Math.Abs(x[j]);
        return sum;
    }

    /// <summary>
    /// The pseudo-gradient ◇F: g_j + λ_j sign(x_j) where x_j ≠ 0; at x_j = 0 the one-sided derivative that points
    /// downhill (g_j + λ_j if that is &lt; 0, g_j - λ_j if that is &gt; 0), else 0 (zero is optimal along j).
    /// </summary>
    public void PseudoGradient(ReadOnlySpan<double> x, ReadOnlySpan<double> g, Span<double> result)
    {
        for (var j = 0; j < x.Length; j++)
        {
            var l = lambda[j];
            if (x[j] > 0) result[j] = g[j] + l;
            else if (x[j] < 0) result[j] = g[j] - l;
            else if (g[j] + l < 0) result[j] = g[j] + l;
            else if (g[j] - l > 0) result[j] = g[j] - l;
            else result[j] = 0;
        }
    }

    /// <summary>Zeroes each direction component whose sign disagrees with the steepest descent -◇F (so d stays a descent direction in the orthant).</summary>
    public void ConstrainDirection(Span<double> direction, ReadOnlySpan<double> pseudoGradient)
    {
        for (var j = 0; j < direction.Length; j++)
        {
            if (lambda[j] > 0 && direction[j] * pseudoGradient[j] >= 0) direction[j] = 0;
        }
    }

    /// <summary>The orthant ξ to search in: sign(x_j) where x_j ≠ 0, else sign(-◇F_j).</summary>
    public static void Orthant(ReadOnlySpan<double> x, ReadOnlySpan<double> pseudoGradient, Span<double> orthant)
    {
        for (var j = 0; j < x.Length; j++) orthant[j] = x[j] != 0 ? Math.Sign(x[j]) : Math.Sign(-pseudoGradient[j]);
    }

    /// <summary>π(x; ξ): sets to 0 every penalized x_j whose sign differs from ξ_j (it would have crossed zero).</summary>
    public void Project(Span<double> x, ReadOnlySpan<double> orthant)
    {
        for (var j = 0; j < x.Length; j++)
        {
            if (lambda[j] > 0 && x[j] * orthant[j] <= 0) x[j] = 0;
        }
    }
}
