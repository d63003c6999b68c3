namespace Pipelines.Trainers.Trees.Boosting;

/// <summary>
/// A differentiable loss L(y, F) over raw scores F (rows x <see cref="Outputs"/>, row-major): its starting scores, its
/// per-row first and second derivatives (times the row weight), and its weighted mean for early stopping.
/// </summary>
internal abstract class Objective
{
    /// <summary>Floor on hessians so leaves where the model is already sure stay finite.</summary>
    protected const double MinHessian = 1e-16;

    public abstract int Outputs { get; }

    /// <summary>The constant score that minimises the loss (the prior).</summary>
    public abstract double[] InitScores(Labels labels);

    /// <summary>g[k][r] = w_r dL/dF_k, h[k][r] = w_r d2L/dF_k^2 at the current scores.</summary>
    public abstract void Gradients(double[] scores, Labels labels, float[][] gradients, float[][] hessians);

    /// <summary>sum_r w_r L(y_r, F_r) / sum_r w_r.</summary>
    public abstract double Loss(double[] scores, Labels labels);

    protected static double WeightedMean(Labels labels, Func<int, double> value)
    {
        double sum = 0, weight = 0;
        for (var r = 0; r < labels.Rows; r++)
        {
            var w = labels.Weights[r];
            if (w == 0) continue;
            sum += w * value(r);
            weight += w;
        }
        return weight > 0 ? sum / weight : 0;
    }
}
