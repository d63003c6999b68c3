using System.Numerics.Tensors;
using Pipelines.Trainers.Optimization;

namespace Pipelines.Trainers.LinearModels;

/// <summary>
/// A weighted, L2-penalized loss of a linear model with K outputs over a design X̃ (n x d, <see cref="LinearDesign"/>:
/// the feature columns, standardized as they are read):
/// <code>F(W, b) = Σ_i ω_i ℓ(z_i, y_i) + (λ₂ / 2) ||W||²,   z_i = W x̃_i + b,   ω_i = w_i / Σ_j w_j</code>
/// The parameter vector is W (K x d, row-major) followed by the K intercepts b when there are intercepts; the
/// intercepts are not penalized. ∇_W F = Σ_i ω_i (∂ℓ/∂z_i) x̃_iᵀ + λ₂ W, ∇_b F = Σ_i ω_i ∂ℓ/∂z_i.
/// Subclasses give the per-row loss ℓ and its derivative in the scores. Rows are read a block at a time, row-major,
/// and each row's scores and gradient terms are taken from it as the block is walked.
/// </summary>
public abstract class LinearObjective : IDifferentiableFunction
{
    private readonly LinearDesign design;
    private readonly double[] normalizedWeights;
    private readonly double[] block;

    /// <param name="design">The n x d design.</param>
    /// <param name="outputs">K, scores per row.</param>
    /// <param name="weights">Non-negative row weights w_i with a positive sum; null means all 1.</param>
    /// <param name="l2">λ₂ ≥ 0.</param>
    /// <param name="fitIntercept">Whether the parameters end with K unpenalized intercepts.</param>
    protected LinearObjective(LinearDesign design, int outputs, double[]? weights, double l2, bool fitIntercept)
    {
        ArgumentNullException.ThrowIfNull(design);
        if (outputs < 1) throw new ArgumentOutOfRangeException(nameof(outputs), "Need at least one output.");
        if (!(l2 >= 0) || double.IsInfinity(l2)) throw new ArgumentOutOfRangeException(nameof(l2), l2, "L2 must be finite and >= 0.");
        Rows = design.Rows;
        if (weights is not null && weights.Length != Rows) throw new ArgumentException($"{weights.Length} weights for {Rows} rows.", nameof(weights));
        var sum = weights?.Sum() ?? Rows;
        if (!(sum > 0) || double.IsInfinity(sum)) throw new ArgumentException("The row weights must have a positive, finite sum.", nameof(weights));
        this.design = design;
        normalizedWeights = new double[Rows];
        for (var i = 0; i < Rows; i++) normalizedWeights[i] = (weights?[i] ?? 1.0) / sum;
        Features = design.Features;
        Outputs = outputs;
        L2 = l2;
        FitIntercept = fitIntercept;
        block = new double[Math.Min(design.BlockRows, Rows) * Features];
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
        var loss = 0.0;
        for (var start = 0; start < Rows; start += design.BlockRows)
        {
            var count = Math.Min(design.BlockRows, Rows - start);
            design.Read(start, count, block);
            for (var i = 0; i < count; i++)
            {
                var omega = normalizedWeights[start + i];
                if (omega == 0) continue;
                var row = block.AsSpan(i * d, d);
                for (var c = 0; c < k; c++)
                    scores[c] = TensorPrimitives.Dot(row, w.Slice(c * d, d)) + (FitIntercept ? x[weightCount + c] : 0.0);
                loss += omega * RowLoss(start + i, scores, derivative);
                for (var c = 0; c < k; c++)
                {
                    var r = omega * derivative[c];
                    if (r == 0) continue;
                    var g = gw.Slice(c * d, d);
                    TensorPrimitives.MultiplyAdd(row, r, g, g);
                    if (FitIntercept) gradient[weightCount + c] += r;
                }
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
