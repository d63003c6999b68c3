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

    // Rows per chunk when the gradient pass is split across threads.
    private const int ChunkRows = 32 * 1024;

    /// <summary>g[k][r] = w_r dL/dF_k, h[k][r] = w_r d2L/dF_k^2 at the current scores, rows in chunks on all threads.</summary>
    public void Gradients(double[] scores, Labels labels, float[][] gradients, float[][] hessians, ParallelOptions parallel)
    {
        var chunks = (labels.Rows + ChunkRows - 1) / ChunkRows;
        if (chunks <= 1 || parallel.MaxDegreeOfParallelism == 1)
        {
            Gradients(scores, labels, gradients, hessians, 0, labels.Rows);
            return;
        }
        Parallel.For(0, chunks, parallel, c => Gradients(scores, labels, gradients, hessians, c * ChunkRows, Math.Min(labels.Rows, (c + 1) * ChunkRows)));
    }

    /// <summary>The gradients and hessians of rows [<paramref name="from"/>, <paramref name="to"/>); rows are independent.</summary>
    protected abstract void Gradients(double[] scores, Labels labels, float[][] gradients, float[][] hessians, int from, int to);

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
