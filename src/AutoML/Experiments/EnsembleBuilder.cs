using Pipelines.Core;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Experiments;

// TEMPORARY until the ensembling branch lands.
internal static class EnsembleBuilder
{
    public sealed record Selection(double[] Weights, double Score, bool BeatsBestSingle);

    public static Selection Select(float[][] predictions, ExperimentTarget target, Metric metric, int size) =>
        new(new double[predictions.Length], double.NaN, false);

    public static ITransformer Build(ITransformer[] members, double[] weights) => members[0];
}
