using Pipelines.Statistics;

namespace Pipelines.Transforms.Encoding;

/// <summary>
/// Per-category target sums and counts over a set of training rows, and the m-estimates made from them.
/// Accumulated in double so thousands of rows do not lose precision.
/// </summary>
internal sealed class TargetStatistics
{
    private readonly double[] _count;
    private readonly double[] _sum;   // [category * targets + target]
    private readonly double[] _prior; // mean of each target over the labeled rows
    private readonly int _targets;

    private TargetStatistics(double[] count, double[] sum, double[] prior, int targets)
    {
        _count = count;
        _sum = sum;
        _prior = prior;
        _targets = targets;
    }

    /// <summary>Sums the targets of <paramref name="rows"/> per category code. Rows with a missing label are skipped; rows with a missing category count towards the prior only.</summary>
    public static TargetStatistics Accumulate(ReadOnlySpan<int> codes, int categoryCount, float[][] targets, ReadOnlySpan<int> rows)
    {
        var k = targets.Length;
        var count = new double[categoryCount];
        var sum = new double[categoryCount * k];
        var total = new double[k];
        var labeled = 0;
        foreach (var row in rows)
        {
            // Every target is NaN together when the label is missing, so the first one decides.
            if (float.IsNaN(targets[0][row])) continue;
            labeled++;
            var code = codes[row];
            for (var j = 0; j < k; j++) total[j] += targets[j][row];
            if (code < 0) continue; // a missing category still informs the prior
            count[code]++;
            for (var j = 0; j < k; j++) sum[code * k + j] += targets[j][row];
        }
        var prior = new double[k];
        for (var j = 0; j < k; j++) prior[j] = labeled == 0 ? double.NaN : total[j] / labeled;
        return new TargetStatistics(count, sum, prior, k);
    }

    /// <summary>Mean of target <paramref name="j"/> over the labeled rows.</summary>
    public double Prior(int j) => _prior[j];

    /// <summary>Labeled rows seen with category <paramref name="code"/>.</summary>
    public double Count(int code) => _count[code];

    /// <summary>(sum + m * prior) / (count + m) for the category, or the prior for a missing (negative) code.</summary>
    public double Encode(int code, int j, double m) =>
        code < 0 ? _prior[j] : MEstimate.Smoothed(_sum[code * _targets + j], _count[code], _prior[j], m);
}
