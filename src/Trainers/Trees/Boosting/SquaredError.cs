namespace Pipelines.Trainers.Trees.Boosting;

/// <summary>Squared error L = (F - y)^2 / 2; g = F - y; h = 1. Start: the weighted mean of y. <see cref="Loss"/> reports the mean of (F - y)^2.</summary>
internal sealed class SquaredError : Objective
{
    public override int Outputs => 1;

    public override double[] InitScores(Labels labels) => [WeightedMean(labels, r => labels.Targets[r])];

    protected override void Gradients(double[] scores, Labels labels, float[][] gradients, float[][] hessians, int from, int to)
    {
        var g = gradients[0];
        var h = hessians[0];
        for (var r = from; r < to; r++)
        {
            var w = labels.Weights[r];
            g[r] = (float)(w * (scores[r] - labels.Targets[r]));
            h[r] = w;
        }
    }

    public override double Loss(double[] scores, Labels labels) => WeightedMean(labels, r =>
    {
        var d = scores[r] - labels.Targets[r];
        return d * d;
    });
}
