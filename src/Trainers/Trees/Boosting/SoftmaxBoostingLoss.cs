namespace Pipelines.Trainers.Trees.Boosting;

/// <summary>
/// Multiclass log loss over K raw scores with p = softmax(F): L = -log p_y; g_k = p_k - [y = k]; h_k = p_k (1 - p_k)
/// (the diagonal of the Hessian, as scikit-learn). Start: F0_k = log q_k, q_k the weighted class share.
/// </summary>
internal sealed class SoftmaxBoostingLoss(int classes) : Objective
{
    public override int Outputs => classes;

    public override double[] InitScores(Labels labels)
    {
        var scores = new double[classes];
        for (var k = 0; k < classes; k++)
        {
            var c = k;
            scores[k] = Math.Log(Math.Clamp(WeightedMean(labels, r => labels.Classes[r] == c ? 1 : 0), 1e-15, 1));
        }
        return scores;
    }

    protected override void Gradients(double[] scores, Labels labels, float[][] gradients, float[][] hessians, int from, int to)
    {
        Span<double> p = stackalloc double[classes];
        for (var r = from; r < to; r++)
        {
            Softmax(scores.AsSpan(r * classes, classes), p);
            var w = labels.Weights[r];
            for (var k = 0; k < classes; k++)
            {
                gradients[k][r] = (float)(w * (p[k] - (labels.Classes[r] == k ? 1 : 0)));
                hessians[k][r] = (float)(w * Math.Max(p[k] * (1 - p[k]), MinHessian));
            }
        }
    }

    public override double Loss(double[] scores, Labels labels) => WeightedMean(labels, r =>
    {
        var f = scores.AsSpan(r * classes, classes);
        var max = double.NegativeInfinity;
        foreach (var v in f) max = Math.Max(max, v);
        double sum = 0;
        foreach (var v in f) sum += Math.Exp(v - max);
        return max + Math.Log(sum) - f[labels.Classes[r]];
    });

    private static void Softmax(ReadOnlySpan<double> f, Span<double> p)
    {
        var max = double.NegativeInfinity;
        foreach (var v in f) max = Math.Max(max, v);
        double sum = 0;
        for (var k = 0; k < f.Length; k++) sum += p[k] = Math.Exp(f[k] - max);
        for (var k = 0; k < f.Length; k++) p[k] /= sum;
    }
}
