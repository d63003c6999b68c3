namespace Pipelines.Trainers.LinearModels;

/// <summary>
/// Binary log loss of one score z against y ∈ {0, 1}: ℓ = log(1 + e^z) - y z, written as
/// max(z, 0) + log1p(e^-|z|) - y z so it neither overflows nor loses precision; ∂ℓ/∂z = σ(z) - y.
/// Minimized as in <see cref="LinearObjective"/>.
/// </summary>
public sealed class LogisticLoss : LinearObjective
{
    private readonly double[] labels;

    /// <summary>The binary log loss over <paramref name="design"/>; see <see cref="LinearObjective"/> for the other arguments.</summary>
    /// <remarks><paramref name="labels"/>: y_i, 1 for the positive class and 0 for the other.</remarks>
    public LogisticLoss(LinearDesign design, double[] labels, double[]? weights, double l2, bool fitIntercept)
        : base(design, 1, weights, l2, fitIntercept)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != Rows) throw new ArgumentException($"{labels.Length} labels for {Rows} rows.", nameof(labels));
        this.labels = labels;
    }

    protected override double RowLoss(int row, ReadOnlySpan<double> scores, Span<double> derivative)
    {
        var z = scores[0];
        var y = labels[row];
        derivative[0] = Sigmoid(z) - y;
        return Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z))) - y * z;
    }

    /// <summary>σ(z) = 1 / (1 + e^-z), evaluated on the side where the exponential cannot overflow.</summary>
    public static double Sigmoid(double z)
    {
        if (z >= 0) return 1 / (1 + Math.Exp(-z));
        var e = Math.Exp(z);
        return e / (1 + e);
    }
}
