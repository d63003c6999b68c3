using System.Numerics.Tensors;
using Pipelines.Trainers.Optimization;

namespace Pipelines.Trainers.LinearModels;

/// <summary>
/// A weighted, L2-penalized loss of a linear model with K outputs over a row-major design X (n x d, single precision: it
/// is the largest array of a fit, and each row is widened to double for the sums):
/// <code>F(W, b) = Σ_i ω_i ℓ(z_i, y_i) + (λ₂ / 2) ||W||²,   z_i = W x_i + b,   ω_i = w_i / Σ_j w_j</code>
/// The parameter vector is W (K x d, row-major) followed by the K intercepts b when there are intercepts; the
/// intercepts are not penalized. ∇_W F = Σ_i ω_i (∂ℓ/∂z_i) x_iᵀ + λ₂ W, ∇_b F = Σ_i ω_i ∂ℓ/∂z_i.
/// Subclasses give the per-row loss ℓ and its derivative in the scores.
/// </summary>
public abstract class LinearObjective : IDifferentiableFunction
{
    private readonly float[] design;
    private readonly double[] normalizedWeights;

    /// <param name="design">Rows x <paramref name="features"/>, row-major.</param>
    /// <param name="features">d, the number of columns of the design.</param>
    /// <param name="outputs">K, scores per row.</param>
    /// <param name="weights">Non-negative row weights w_i with a positive sum; null means all 1.</param>
    /// <param name="l2">λ₂ ≥ 0.</param>
    /// <param name="fitIntercept">Whether the parameters end with K unpenalized intercepts.</param>
    protected LinearObjective(float[] design, int features, int outputs, double[]? weights, double l2, bool fitIntercept)
    {
        ArgumentNullException.ThrowIfNull(design);
        if (features < 1 || outputs < 1) throw new ArgumentOutOfRangeException(nameof(features), "Need at least one feature and one output.");
        if (design.Length % features != 0) throw new ArgumentException($"The design has {design.Length} values, not a multiple of {features} features.", nameof(design));
        if (!(l2 >= 0) || double.IsInfinity(l2)) throw new ArgumentOutOfRangeException(nameof(l2), l2, "L2 must be finite and >= 0.");
        Rows = design.Length / features;
        if (weights is not null && weights.Length != Rows) throw new ArgumentException($"{weights.Length} weights for {Rows} rows.", nameof(weights));
        var sum = weights?.Sum() ?? Rows;
        if (!(sum > 0) || double.IsInfinity(sum)) throw new ArgumentException("The row weights must have a positive, finite sum.", nameof(weights));
        this.design = design;
        normalizedWeights = new double[Rows];
        for (var i = 0; i < Rows; i++) normalizedWeights[i] = (weights?[i] ?? 1.0) / sum;
        Features = features;
        Outputs = outputs;
        L2 = l2;
        FitIntercept = fitIntercept;
    }

    public int Rows { get; }
    public int Features { get; }
    public int Outputs { get; }
    public double L2 { get; }
    public bool FitIntercept { get; }

    /// <summary>K·d weights, plus K intercepts when <see cref="FitIntercept"/>.</summary>
    public int Dimension => Outputs * Features + (FitIntercept ? Outputs : 0);

    /// <summary>
    /// The loss ℓ(z, y_row) of one row given its K scores, writing ∂ℓ/∂z_k into <paramref name="derivative"/>.
    /// </summary>
    protected abstract double RowLoss(int row, ReadOnlySpan<double> scores, Span<double> derivative);

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        if (x.Length != Dimension || gradient.Length != Dimension) throw new ArgumentException($"Expected {Dimension} parameters.");
        var d = Features;
        var k = Outputs;
        var weightCount = k * d;
        var w = x[..weightCount];
        gradient.Clear();
        var gw = gradient[..weightCount];
        Span<double> scores = k <= 64 ? stackalloc double[k] : new double[k];
        Span<double> derivative = k <= 64 ? stackalloc double[k] : new double[k];
        Span<double> row = d <= 256 ? stackalloc double[d] : new double[d];
        var loss = 0.0;
        for (var i = 0; i < Rows; i++)
        {
            var omega = normalizedWeights[i];
            if (omega == 0) continue;
            var stored = design.AsSpan(i * d, d);
            for (var j = 0; j < d; j++) row[j] = stored[j];
            for (var c = 0; c < k; c++)
                scores[c] = TensorPrimitives.Dot(row, w.Slice(c * d, d)) + (FitIntercept ? x[weightCount + c] : 0.0);
            loss += omega * RowLoss(i, scores, derivative);
            for (var c = 0; c < k; c++)
            {
                var r = omega * derivative[c];
                if (r == 0) continue;
                var g = gw.Slice(c * d, d);
                TensorPrimitives.MultiplyAdd(row, r, g, g);
                if (FitIntercept) gradient[weightCount + c] += r;
            }
        }
        if (L2 > 0)
        {
            loss += 0.5 * L2 * TensorPrimitives.Dot(w, w);
            TensorPrimitives.MultiplyAdd(w, L2, gw, gw);
        }
        return loss;
    }
}
