using System.Buffers;
using System.Numerics;

namespace Pipelines.Trainers.Neural.Kernels;

/// <summary>
/// <see cref="Sgemm"/> for products with few columns (a layer with one or a few outputs, as a classifier's last):
/// C[i, j] += alpha * (row i of A) . (column j of op(B)), each dot product in vectors along k. The register-blocked
/// kernel would fill its 16- or 32-column tiles mostly with padding and still read every row of A once per tile; here
/// each row of A is read once for all columns. A value of C depends only on its own row of A and on B, summed in one
/// fixed order, so the result does not depend on the number of rows or threads.
/// </summary>
internal static class NarrowProduct
{
    /// <summary>Most columns of C that go through dot products instead of the micro-kernel.</summary>
    public const int MaxColumns = 4;

    /// <summary>C += alpha * A op(B) for A [m, k] not transposed (C already scaled by beta).</summary>
    public static void Multiply(bool transB, int m, int n, int k, float alpha, float[] a, int lda, float[] b, int ldb, float[] c, int ldc, int threads)
    {
        // The columns of op(B) as rows of k values: B^T's rows where they lie, else B's columns copied out.
        var columns = b;
        var ldColumns = ldb;
        if (!transB)
        {
            columns = ArrayPool<float>.Shared.Rent(n * k);
            ldColumns = k;
            for (var p = 0; p < k; p++)
            {
                for (var j = 0; j < n; j++) columns[j * k + p] = b[p * ldb + j];
            }
        }
        try
        {
            if (threads < 2)
            {
                Rows(0, m, n, k, alpha, a, lda, columns, ldColumns, c, ldc);
                return;
            }
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads },
                part => Rows((int)((long)m * part / threads), (int)((long)m * (part + 1) / threads), n, k, alpha, a, lda, columns, ldColumns, c, ldc));
        }
        finally
        {
            if (!transB) ArrayPool<float>.Shared.Return(columns);
        }
    }

    private static void Rows(int first, int end, int n, int k, float alpha, float[] a, int lda, float[] columns, int ldColumns, float[] c, int ldc)
    {
        for (var i = first; i < end; i++)
        {
            var row = a.AsSpan(i * lda, k);
            var j = 0;
            // Two columns per pass over the row, so each vector of A is loaded once for both.
            for (; j + 1 < n; j += 2)
            {
                var (first0, second0) = Dot2(row, columns.AsSpan(j * ldColumns, k), columns.AsSpan((j + 1) * ldColumns, k));
                c[i * ldc + j] += alpha * first0;
                c[i * ldc + j + 1] += alpha * second0;
            }
            if (j < n) c[i * ldc + j] += alpha * Dot2(row, columns.AsSpan(j * ldColumns, k), columns.AsSpan(j * ldColumns, k)).First;
        }
    }

    /// <summary>x . y and x . z: one vector accumulator each over k, summed across lanes, then the tail one by one.</summary>
    private static (float First, float Second) Dot2(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z)
    {
        var p = 0;
        float first = 0, second = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<float>.Count)
        {
            Vector<float> sumY = default, sumZ = default;
            var width = Vector<float>.Count;
            for (; p <= x.Length - width; p += width)
            {
                var v = new Vector<float>(x[p..]);
                sumY += v * new Vector<float>(y[p..]);
                sumZ += v * new Vector<float>(z[p..]);
            }
            first = Vector.Sum(sumY);
            second = Vector.Sum(sumZ);
        }
        for (; p < x.Length; p++)
        {
            first += x[p] * y[p];
            second += x[p] * z[p];
        }
        return (first, second);
    }
}
