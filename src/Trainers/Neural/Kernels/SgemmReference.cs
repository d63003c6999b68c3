namespace Pipelines.Trainers.Neural.Kernels;

/// <summary>
/// The textbook triple loop for C = alpha * op(A) * op(B) + beta * C, summed in double: the reference that tests hold
/// <see cref="Sgemm"/> to. Slow on purpose; never used for training.
/// </summary>
public static class SgemmReference
{
    public static void Multiply(
        bool transA, bool transB, int m, int n, int k, float alpha,
        float[] a, int lda, float[] b, int ldb, float beta, float[] c, int ldc)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(c);
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double sum = 0;
                for (var p = 0; p < k; p++)
                {
                    var x = transA ? a[p * lda + i] : a[i * lda + p];
                    var y = transB ? b[j * ldb + p] : b[p * ldb + j];
                    sum += (double)x * y;
                }
                var old = beta == 0 ? 0 : beta * (double)c[i * ldc + j];
                c[i * ldc + j] = (float)(alpha * sum + old);
            }
        }
    }
}
