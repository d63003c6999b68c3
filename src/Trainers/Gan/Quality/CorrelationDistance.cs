using Pipelines.Data;

namespace Pipelines.Trainers.Gan.Quality;

/// <summary>How far apart the linear dependence structures of two tables are.</summary>
public static class CorrelationDistance
{
    /// <summary>
    /// ||R_a - R_b||_F = sqrt(sum_ij (R_a[i, j] - R_b[i, j])^2), where R is the Pearson correlation matrix of the numeric
    /// <paramref name="columns"/> (each pair over the rows where both values are finite; a pair with a constant column
    /// has correlation 0). 0 when the structures agree; at most 2 sqrt(m (m - 1)) for m columns.
    /// </summary>
    public static double Frobenius(DataFrame a, DataFrame b, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(columns);
        var ra = Matrix(a, columns);
        var rb = Matrix(b, columns);
        double sum = 0;
        for (var i = 0; i < ra.Length; i++) sum += (ra[i] - rb[i]) * (ra[i] - rb[i]);
        return Math.Sqrt(sum);
    }

    /// <summary>The Pearson correlation matrix (row-major, m x m) of <paramref name="columns"/> of <paramref name="frame"/>.</summary>
    public static double[] Matrix(DataFrame frame, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(columns);
        var m = columns.Count;
        var values = columns.Select(c => frame.Numeric(c).Values.ToArray()).ToArray();
        var r = new double[m * m];
        for (var i = 0; i < m; i++)
        {
            r[i * m + i] = 1;
            for (var j = i + 1; j < m; j++) r[i * m + j] = r[j * m + i] = Pearson(values[i], values[j]);
        }
        return r;
    }

    /// <summary>r = sum (x - mx)(y - my) / sqrt(sum (x - mx)^2 sum (y - my)^2) over rows with both finite; 0 if either is constant.</summary>
    public static double Pearson(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        double sx = 0, sy = 0;
        var n = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (!float.IsFinite(x[i]) || !float.IsFinite(y[i])) continue;
            sx += x[i];
            sy += y[i];
            n++;
        }
        if (n < 2) return 0;
        double mx = sx / n, my = sy / n, cxy = 0, cxx = 0, cyy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (!float.IsFinite(x[i]) || !float.IsFinite(y[i])) continue;
            double dx = x[i] - mx, dy = y[i] - my;
            cxy += dx * dy;
            cxx += dx * dx;
            cyy += dy * dy;
        }
        return cxx > 0 && cyy > 0 ? cxy / Math.Sqrt(cxx * cyy) : 0;
    }
}
