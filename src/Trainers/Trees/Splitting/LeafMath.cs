namespace Pipelines.Trainers.Trees.Splitting;

/// <summary>
/// The second-order leaf formulas of XGBoost with L1 (alpha) and L2 (lambda):
/// T(G) = sign(G) max(|G| - alpha, 0); leaf value w = -T(G) / (H + lambda); leaf score S = T(G)^2 / (H + lambda);
/// split gain = (S(left) + S(right) - S(parent)) / 2.
/// </summary>
internal static class LeafMath
{
    /// <summary>Soft-thresholding: T(G) = sign(G) max(|G| - alpha, 0).</summary>
    public static double Threshold(double g, double alpha) =>
        alpha <= 0 ? g : g > alpha ? g - alpha : g < -alpha ? g + alpha : 0;

    /// <summary>S(G, H) = T(G)^2 / (H + lambda); 0 when H + lambda is not positive.</summary>
    public static double Score(double g, double h, double alpha, double lambda)
    {
        var denominator = h + lambda;
        if (denominator <= 0) return 0;
        var t = Threshold(g, alpha);
        return t * t / denominator;
    }

    /// <summary>w = -T(G) / (H + lambda); 0 when H + lambda is not positive.</summary>
    public static double Value(double g, double h, double alpha, double lambda)
    {
        var denominator = h + lambda;
        return denominator <= 0 ? 0 : -Threshold(g, alpha) / denominator;
    }

    /// <summary>Gain of splitting a node into left and right: (S(L) + S(R) - S(P)) / 2.</summary>
    public static double Gain(double gl, double hl, double gr, double hr, double parentScore, double alpha, double lambda) =>
        0.5 * (Score(gl, hl, alpha, lambda) + Score(gr, hr, alpha, lambda) - parentScore);
}
