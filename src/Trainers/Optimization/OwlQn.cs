namespace Pipelines.Trainers.Optimization;

/// <summary>
/// Orthant-wise limited-memory quasi-Newton (Andrew &amp; Gao, 2007) for F(x) = f(x) + Σ_j λ_j |x_j| with f smooth.
/// L-BFGS on the pseudo-gradient ◇F, with the direction kept in the orthant that -◇F points into and every line-search
/// trial projected back onto the orthant of the current point, so coordinates that would cross zero land exactly on 0:
/// the solution has exact zeros. The curvature pairs come from the smooth part f only.
/// </summary>
public static class OwlQn
{
    /// <summary>
    /// Minimizes f + Σ λ_j |x_j| from <paramref name="start"/>; <paramref name="l1"/> holds λ_j ≥ 0 per parameter
    /// (0 for parameters that are not penalized, such as intercepts).
    /// </summary>
    public static OptimizationResult Minimize(
        IDifferentiableFunction function, ReadOnlySpan<double> start, ReadOnlySpan<double> l1, OptimizerOptions? options = null)
    {
        options ??= new OptimizerOptions();
        options.Validate(nameof(OwlQn));
        return QuasiNewton.Minimize(function, start, new L1Penalty(l1), options);
    }
}
