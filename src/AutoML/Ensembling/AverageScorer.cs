namespace Pipelines.AutoML.Ensembling;

/// <summary>Metrics that need every averaged value (ranking metrics, regression): averages into a buffer, then the library metric.</summary>
internal sealed class AverageScorer(IReadOnlyList<float[]> predictions, int rows, Func<float[], double> metric) : EnsembleScorer(predictions, rows, metric)
{
    public override double Score(int candidate, double scale, Scratch scratch)
    {
        AverageInto(candidate, scale, scratch.Averaged);
        return Evaluate(scratch.Averaged);
    }
}
