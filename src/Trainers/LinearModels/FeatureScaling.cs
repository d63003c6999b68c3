using Pipelines.Data;

namespace Pipelines.Trainers.LinearModels;

/// <summary>
/// Per-feature weighted mean μ_j = Σ_i w_i x_ij / Σ_i w_i and standard deviation σ_j = sqrt(Σ_i w_i (x_ij - μ_j)² / Σ_i w_i)
/// (weights as frequencies, so a weight of 2 equals a duplicated row), and the centres and scales of the design
/// x̃_ij = (x_ij - c_j) / s_j (<see cref="LinearDesign"/>), with c_j = μ_j when centring (else 0) and s_j = σ_j when
/// scaling (else 1; also 1 for a constant column).
/// </summary>
internal sealed class FeatureScaling
{
    private FeatureScaling(double[] mean, double[] std, double[] center, double[] scale)
    {
        Mean = mean;
        Std = std;
        Center = center;
        Scale = scale;
    }

    public double[] Mean { get; }
    public double[] Std { get; }
    public double[] Center { get; }
    public double[] Scale { get; }

    /// <summary>The scaling of <paramref name="columns"/> under row weights <paramref name="weights"/> (one per row, positive sum).</summary>
    public static FeatureScaling Fit(IReadOnlyList<NumericColumn> columns, float[] weights, bool center, bool scale)
    {
        var features = columns.Count;
        var mean = new double[features];
        var std = new double[features];
        var total = 0.0;
        foreach (var w in weights) total += w;
        // Read a block of rows at a time, so a derived column is never computed whole.
        Span<float> block = stackalloc float[BlockRows];
        for (var j = 0; j < features; j++)
        {
            var column = columns[j];
            var sum = 0.0;
            for (var start = 0; start < column.Length; start += BlockRows)
            {
                var values = Read(column, start, block);
                for (var i = 0; i < values.Length; i++) sum += weights[start + i] * (double)values[i];
            }
            var m = sum / total;
            var squares = 0.0;
            for (var start = 0; start < column.Length; start += BlockRows)
            {
                var values = Read(column, start, block);
                for (var i = 0; i < values.Length; i++)
                {
                    var e = values[i] - m;
                    squares += weights[start + i] * e * e;
                }
            }
            mean[j] = m;
            std[j] = Math.Sqrt(squares / total);
        }
        var centers = center ? (double[])mean.Clone() : new double[features];
        var scales = std.Select(s => scale && s > 0 && double.IsFinite(s) ? s : 1.0).ToArray();
        return new FeatureScaling(mean, std, centers, scales);
    }

    private const int BlockRows = 1024;

    // Rows [start, start + block length) of the column, or fewer at its end, in the block.
    private static Span<float> Read(NumericColumn column, int start, Span<float> block)
    {
        var part = block[..Math.Min(block.Length, column.Length - start)];
        column.CopyTo(start, part);
        return part;
    }
}
