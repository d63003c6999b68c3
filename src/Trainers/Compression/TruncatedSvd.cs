namespace Pipelines.Trainers.Compression;

/// <summary>
/// Singular value decomposition A = U diag(S) V^T of a small dense matrix by one-sided Jacobi rotations (Hestenes 1958;
/// Demmel and Veselic 1992): columns of A are rotated pairwise until orthogonal; their norms are the singular values.
/// Computed in double; singular values come out in descending order.
/// </summary>
internal static class TruncatedSvd
{
    /// <summary>U [rows, k] and V^T [k, cols] row-major and S [k], k = min(rows, cols), for A [rows, cols] row-major.</summary>
    public static (double[] U, double[] S, double[] Vt) Decompose(ReadOnlySpan<float> a, int rows, int cols)
    {
        if (rows >= cols)
        {
            var copy = new double[rows * cols];
            for (var i = 0; i < copy.Length; i++) copy[i] = a[i];
            return Tall(copy, rows, cols);
        }
        // A^T = U' S V'^T, so A = V' S U'^T.
        var transposed = new double[rows * cols];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++) transposed[c * rows + r] = a[r * cols + c];
        }
        var (u, s, vt) = Tall(transposed, cols, rows);
        var k = rows;
        var newU = new double[rows * k];
        var newVt = new double[k * cols];
        for (var i = 0; i < k; i++)
        {
            for (var r = 0; r < rows; r++) newU[r * k + i] = vt[i * rows + r];
            for (var c = 0; c < cols; c++) newVt[i * cols + c] = u[c * k + i];
        }
        return (newU, s, newVt);
    }

    // m >= n; a is overwritten.
    private static (double[] U, double[] S, double[] Vt) Tall(double[] a, int m, int n)
    {
        var v = new double[n * n];
        for (var i = 0; i < n; i++) v[i * n + i] = 1;
        for (var sweep = 0; sweep < 100; sweep++)
        {
            var rotated = false;
            for (var p = 0; p < n - 1; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    double alpha = 0, beta = 0, gamma = 0;
                    for (var i = 0; i < m; i++)
                    {
                        var x = a[i * n + p];
                        var y = a[i * n + q];
                        alpha += x * x;
                        beta += y * y;
                        gamma += x * y;
                    }
                    if (Math.Abs(gamma) <= 1e-15 * Math.Sqrt(alpha * beta) || gamma == 0) continue;
                    rotated = true;
                    var zeta = (beta - alpha) / (2 * gamma);
                    var t = Math.Sign(zeta == 0 ? 1 : zeta) / (Math.Abs(zeta) + Math.Sqrt(1 + zeta * zeta));
                    var c = 1 / Math.Sqrt(1 + t * t);
                    var s = c * t;
                    Rotate(a, m, n, p, q, c, s);
                    Rotate(v, n, n, p, q, c, s);
                }
            }
            if (!rotated) break;
        }
        var sigma = new double[n];
        for (var j = 0; j < n; j++)
        {
            double sum = 0;
            for (var i = 0; i < m; i++) sum += a[i * n + j] * a[i * n + j];
            sigma[j] = Math.Sqrt(sum);
        }
        var order = Enumerable.Range(0, n).OrderByDescending(j => sigma[j]).ThenBy(j => j).ToArray();
        var u = new double[m * n];
        var s2 = new double[n];
        var vt = new double[n * n];
        for (var k = 0; k < n; k++)
        {
            var j = order[k];
            s2[k] = sigma[j];
            for (var i = 0; i < m; i++) u[i * n + k] = sigma[j] > 0 ? a[i * n + j] / sigma[j] : 0;
            for (var i = 0; i < n; i++) vt[k * n + i] = v[i * n + j];
        }
        return (u, s2, vt);
    }

    private static void Rotate(double[] x, int rows, int cols, int p, int q, double c, double s)
    {
        for (var i = 0; i < rows; i++)
        {
            var xp = x[i * cols + p];
            var xq = x[i * cols + q];
            x[i * cols + p] = c * xp - s * xq;
            x[i * cols + q] = s * xp + c * xq;
        }
    }
}
