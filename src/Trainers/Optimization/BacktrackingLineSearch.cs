using System.Numerics.Tensors;

namespace Pipelines.Trainers.Optimization;

/// <summary>
/// Backtracking line search with the Armijo (sufficient decrease) condition, F(x') ≤ F(x) + c₁ ◇F(x)·(x' - x), c₁ = 1e-4,
/// where x' = x + α d (projected onto the search orthant under L1, as OWL-QN requires). Starting from α₀, each failed
/// trial shrinks α to the minimizer of the quadratic through F(x), the directional derivative and F(x'), kept within
/// [0.1 α, 0.5 α]; a non-finite F(x') halves α.
/// <para>
/// Why not the strong Wolfe conditions: OWL-QN's projected path is not differentiable at orthant boundaries, so the
/// curvature condition is not meaningful there, and one search serving both optimizers is easier to trust. Positive
/// curvature is enforced instead where it matters, in <see cref="LbfgsMemory.Push"/>, which skips pairs with s·y ≤ 0.
/// Every accepted step strictly decreases F, so the loss history is monotone.
/// </para>
/// </summary>
internal static class BacktrackingLineSearch
{
    private const double C1 = 1e-4;

    /// <summary>
    /// Tries steps from <paramref name="alpha"/> downwards. On success writes the new point, its smooth gradient and
    /// returns F(x'); returns NaN when no trial satisfied the condition within <paramref name="maxSteps"/> evaluations.
    /// </summary>
    public static double Search(
        Func<double[], double[], double> composite, L1Penalty? l1, double[] x, double fx, double[] pseudoGradient,
        double[] direction, double[] orthant, double alpha, int maxSteps, double[] xNew, double[] gNew)
    {
        var slope = TensorPrimitives.Dot(pseudoGradient, direction);
        for (var trial = 0; trial < maxSteps; trial++)
        {
            TensorPrimitives.MultiplyAdd(direction, alpha, x, xNew);
            l1?.Project(xNew, orthant);
            var fNew = composite(xNew, gNew);
            if (double.IsFinite(fNew))
            {
                // Under L1 the projected step differs from α d, so the decrease is measured along the actual move.
                var decrease = l1 is null ? alpha * slope : DirectionalChange(pseudoGradient, xNew, x);
                if (fNew <= fx + C1 * decrease) return fNew;
                var denominator = 2 * (fNew - fx - alpha * slope);
                var next = denominator > 0 ? -slope * alpha * alpha / denominator : 0.5 * alpha;
                alpha = Math.Clamp(next, 0.1 * alpha, 0.5 * alpha);
            }
            else
            {
                alpha *= 0.5;
            }
        }
        return double.NaN;
    }

    private static double DirectionalChange(double[] pseudoGradient, double[] xNew, double[] x)
    {
        var sum = 0.0;
        for (var j = 0; j < x.Length; j++) sum += pseudoGradient[j] * (xNew[j] - x[j]);
        return sum;
    }
}
