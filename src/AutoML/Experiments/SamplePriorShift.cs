using Pipelines.Core;
using Pipelines.Sampling;

namespace Pipelines.AutoML.Experiments;

/// <summary>
/// Undoes what a trial's row sample did to the class priors. A sample keeps every class's share but at least
/// <see cref="Tuners.SampleSizeSchedule.MinRowsPerClass"/> rows, so on large imbalanced data a rare class is several
/// times more frequent in the sample than in the rows it came from, and a model fitted on the sample predicts it that
/// much more often. The refit on all rows does not, so out-of-fold predictions left as they are would teach the decision
/// rule, the calibration and the ensemble weights a bias the shipped model lacks. Bayes' rule under a change of priors
/// (Saerens, Latinne and Decaestecker, 2002): each class probability times (its share of the rows) / (its share of the
/// sample), renormalized per row. A chain that rebalances classes sets the shares its learner sees itself, in the sample
/// as in all rows, and is left as it is.
/// </summary>
internal static class SamplePriorShift
{
    /// <summary>
    /// Whether <paramref name="chain"/> rebalances classes (a resampler or class weights): its learner then sees the
    /// shares the step makes, whatever the shares of the rows it is given.
    /// </summary>
    public static bool SetsClassShares(EstimatorChain chain) => chain.Steps.Any(s => s is Resampler or ClassWeights);

    /// <summary>
    /// Per class, (share among <paramref name="rows"/>) / (share among <paramref name="sample"/>), from the class codes
    /// of each; null when no share moved by as much as a percent of itself (a sample's rounding, nothing to correct).
    /// </summary>
    public static double[]? Factors(ReadOnlySpan<int> rows, ReadOnlySpan<int> sample, int classes)
    {
        var full = new double[classes];
        var sampled = new double[classes];
        foreach (var c in rows) full[c]++;
        foreach (var c in sample) sampled[c]++;
        var factors = new double[classes];
        var same = true;
        for (var k = 0; k < classes; k++)
        {
            // A class the sample lacks is one the model never predicts: nothing to rescale.
            factors[k] = sampled[k] == 0 ? 1 : (full[k] / rows.Length) / (sampled[k] / sample.Length);
            same &= Math.Abs(factors[k] - 1) < 0.01;
        }
        return same ? null : factors;
    }

    /// <summary>Rescales each row of <paramref name="probabilities"/> (rows × classes) by <paramref name="factors"/> and renormalizes it.</summary>
    public static void Apply(Span<float> probabilities, double[] factors)
    {
        var width = factors.Length;
        for (var start = 0; start + width <= probabilities.Length; start += width)
        {
            var row = probabilities.Slice(start, width);
            var total = 0.0;
            for (var k = 0; k < width; k++) total += row[k] * factors[k];
            if (!(total > 0)) continue;
            for (var k = 0; k < width; k++) row[k] = (float)(row[k] * factors[k] / total);
        }
    }
}
