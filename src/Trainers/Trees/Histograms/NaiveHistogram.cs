using Pipelines.Trainers.Trees.Binning;

namespace Pipelines.Trainers.Trees.Histograms;

/// <summary>The obvious histogram: one pass over the node's rows per feature, no gathering, no threads. Kept as the reference in tests.</summary>
internal static class NaiveHistogram
{
    /// <summary>For each feature f and bin b: G = sum of g[r], H = sum of h[r], C = count, over rows r of the node with bin(r, f) = b.</summary>
    public static double[] Build(BinnedMatrix data, HistogramLayout layout, ReadOnlySpan<int> rows, ReadOnlySpan<float> gradients, ReadOnlySpan<float> hessians)
    {
        var histogram = new double[layout.Length];
        for (var f = 0; f < data.FeatureCount; f++)
        {
            var column = data.Column(f);
            var target = layout.Of(histogram, f);
            foreach (var r in rows)
            {
                var b = column[r] * HistogramLayout.Stride;
                target[b] += gradients[r];
                target[b + 1] += hessians[r];
                target[b + 2] += 1;
            }
        }
        return histogram;
    }
}
