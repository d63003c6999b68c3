using Pipelines.Data;

namespace Pipelines.Trainers.Gan.Quality;

/// <summary>Computes a <see cref="SyntheticQualityReport"/> for a synthetic table against the real one.</summary>
public static class SyntheticQuality
{
    /// <summary>
    /// Compares <paramref name="synthetic"/> with <paramref name="real"/> column by column (KS for numeric, TV for
    /// categorical columns present in both), by numeric correlation structure and by detection AUC; when
    /// <paramref name="realTest"/> is given and the frames have a label, adds TSTR and TRTR accuracy on it.
    /// </summary>
    public static SyntheticQualityReport Evaluate(DataFrame real, DataFrame synthetic, DataFrame? realTest = null, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        var ks = new Dictionary<string, double>(StringComparer.Ordinal);
        var tv = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var column in real.Columns)
        {
            if (!synthetic.Contains(column.Name)) continue;
            var other = synthetic[column.Name];
            if (column is NumericColumn a && other is NumericColumn b) ks[column.Name] = KolmogorovSmirnov.Statistic(a.Values, b.Values);
            else if (column is CategoricalColumn c && other is CategoricalColumn d) tv[column.Name] = TotalVariation.Distance(c, d);
        }
        var numeric = ks.Keys.ToArray();
        var correlation = CorrelationDistance.Frobenius(real, synthetic, numeric);
        var detection = DetectionAuc.Evaluate(real, synthetic, seed: seed);
        double tstr = double.NaN, trtr = double.NaN;
        if (realTest is not null && real.LabelName is not null)
        {
            tstr = TrainSyntheticTestReal.Accuracy(synthetic, realTest, seed);
            trtr = TrainSyntheticTestReal.Accuracy(real, realTest, seed);
        }
        return new(ks, tv, Mean(ks.Values), Mean(tv.Values), correlation, detection, tstr, trtr);
    }

    private static double Mean(IEnumerable<double> values)
    {
        var list = values.Where(v => !double.IsNaN(v)).ToList();
        return list.Count == 0 ? double.NaN : list.Average();
    }
}
