namespace Pipelines.Trainers.LinearModels;

/// <summary>
/// Multinomial log loss of K scores z against class y: ℓ = log Σ_k e^{z_k} - z_y, with the log-sum-exp taken after
/// subtracting max_k z_k; ∂ℓ/∂z_k = p_k - [k = y], p_k = e^{z_k - lse}. Minimized as in <see cref="LinearObjective"/>.
/// </summary>
public sealed class SoftmaxLoss : LinearObjective
{
    private readonly int[] labels;

    /// <summary>The multinomial log loss over <paramref name="design"/>; see <see cref="LinearObjective"/> for the other arguments.</summary>
    /// <remarks><paramref name="labels"/>: y_i ∈ [0, <paramref name="classes"/>).</remarks>
    public SoftmaxLoss(LinearDesign design, int classes, int[] labels, double[]? weights, double l2, bool fitIntercept)
        : base(design, classes, weights, l2, fitIntercept)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != Rows) throw new ArgumentException($"{labels.Length} labels for {Rows} rows.", nameof(labels));
        if (labels.Any(y => y < 0 || y >= classes)) throw new ArgumentOutOfRangeException(nameof(labels), $"Labels must lie in [0, {classes}).");
        this.labels = labels;
    }

    protected override double RowLoss(int row, ReadOnlySpan<double> scores, Span<double> derivative)
    {
        var lse = LogSumExp(scores);
        for (var k = 0; k < scores.Length; k++) derivative[k] = Math.Exp(scores[k] - lse);
        var y = labels[row];
        derivative[y] -= 1;
        return lse - scores[y];
    }

    /// <summary>log Σ_k e^{z_k} = m + log Σ_k e^{z_k - m} with m = max_k z_k (never overflows).</summary>
    public static double LogSumExp(ReadOnlySpan<double> z)
    {
        var max = double.NegativeInfinity;
        foreach (var v in z) max = Math.Max(max, v);
        var sum = 0.0;
        foreach (var v in z) sum += Math.Exp(v - max);
        return max + Math.Log(sum);
    }
}
