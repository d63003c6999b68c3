namespace Pipelines.Trainers.LinearModels;

/// <summary>
/// Half squared error of one score z against target y: ℓ = ½ (z - y)², ∂ℓ/∂z = z - y. With
/// <see cref="LinearObjective"/>'s L2 term this is ridge regression; λ₂ = 0 is ordinary least squares.
/// </summary>
public sealed class SquaredLoss : LinearObjective
{
    private readonly double[] targets;

    public SquaredLoss(LinearDesign design, double[] targets, double[]? weights, double l2, bool fitIntercept)
        : base(design, 1, weights, l2, fitIntercept)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Length != Rows) throw new ArgumentException($"{targets.Length} targets for {Rows} rows.", nameof(targets));
        this.targets = targets;
    }

    protected override double RowLoss(int row, ReadOnlySpan<double> scores, Span<double> derivative)
    {
        var r = scores[0] - targets[row];
        derivative[0] = r;
        return 0.5 * r * r;
    }
}
