namespace Pipelines.Trainers.Trees.Boosting;

/// <summary>
/// Binary log loss on one raw score F with p = sigmoid(F) = 1 / (1 + e^-F):
/// L = -y log p - (1 - y) log(1 - p); g = p - y; h = p (1 - p). Start: F0 = log(q / (1 - q)), q the weighted share of class 1.
/// </summary>
internal sealed class BinaryLogLoss : Objective
{
    public override int Outputs => 1;

    public override double[] InitScores(Labels labels)
    {
        var q = Math.Clamp(WeightedMean(labels, r => labels.Classes[r] == 1 ? 1 : 0), 1e-15, 1 - 1e-15);
        return [Math.Log(q / (1 - q))];
    }

    protected override void Gradients(double[] scores, Labels labels, float[][] gradients, float[][] hessians, int from, int to)
    {
        var g = gradients[0];
        var h = hessians[0];
        for (var r = from; r < to; r++)
        {
            var p = 1 / (1 + Math.Exp(-scores[r]));
            var w = labels.Weights[r];
            g[r] = (float)(w * (p - (labels.Classes[r] == 1 ? 1 : 0)));
            h[r] = (float)(w * Math.Max(p * (1 - p), MinHessian));
        }
    }

    public override double Loss(double[] scores, Labels labels) => WeightedMean(labels, r =>
    {
        // log(1 + e^F) - y F, computed without overflow.
        var f = scores[r];
        var softplus = f > 0 ? f + Math.Log(1 + Math.Exp(-f)) : Math.Log(1 + Math.Exp(f));
        return softplus - (labels.Classes[r] == 1 ? f : 0);
    });
}
