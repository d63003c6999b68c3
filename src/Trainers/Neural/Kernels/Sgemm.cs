using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Pipelines.Core;

namespace Pipelines.Trainers.Neural.Kernels;

/// <summary>
/// Single-precision general matrix multiply, C = alpha * op(A) * op(B) + beta * C, with op(X) = X or X^T, all matrices
/// row-major with leading dimensions lda, ldb, ldc. GotoBLAS/BLIS structure: B is packed in KC x NC blocks, A is read
/// in MC x KC blocks (in place where it can be, else packed), and a register-blocked micro-kernel
/// (<see cref="SgemmKernel"/>) computes MR x NR tiles of C. Blocks of rows of C run in parallel (Parallel.For); every
/// element of C is summed by one thread in the fixed order k = 0..K-1 (in KC-sized partial sums), so the result does
/// not depend on the thread count, on timing, or on how many rows C has. Products of at most
/// <see cref="NarrowProduct.MaxColumns"/> columns with A not transposed are dot products instead
/// (<see cref="NarrowProduct"/>), with the same guarantees. beta = 0 overwrites C (NaN in C does not survive).
/// Transposes cost nothing: packing reads either layout.
/// </summary>
public static class Sgemm
{
    /// <summary>Depth of a packed block (values of k per pass).</summary>
    public const int KC = 256;

    /// <summary>Most rows of C per packed A block.</summary>
    public const int MaxMC = 96;

    /// <summary>Most columns of C per packed B block.</summary>
    public const int NC = 2048;

    /// <summary>The micro-kernel the hardware supports best: AVX-512F, then 256-bit vectors, then scalar.</summary>
    public static SgemmKernel DefaultKernel { get; } =
        Avx512F.IsSupported && Vector512.IsHardwareAccelerated ? SgemmKernel.Vector512
        : Vector256.IsHardwareAccelerated ? SgemmKernel.Vector256
        : SgemmKernel.Scalar;

    /// <summary>Threads a multiply may use when the caller does not say; every multiply is also capped by <see cref="TrainingContext.MaxThreads"/>.</summary>
    public static int DefaultThreads { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// C[m x n] = alpha * op(A)[m x k] * op(B)[k x n] + beta * C, on up to <c>threads</c> threads (0: <see cref="DefaultThreads"/>),
    /// never more than the <see cref="TrainingContext"/> cap.
    /// </summary>
    public static void Multiply(
        bool transA, bool transB, int m, int n, int k, float alpha,
        float[] a, int lda, float[] b, int ldb, float beta, float[] c, int ldc, int threads = 0) =>
        Multiply(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, threads, DefaultKernel);

    /// <summary><see cref="Multiply(bool, bool, int, int, int, float, float[], int, float[], int, float, float[], int, int)"/> with a chosen micro-kernel (tests run every kernel).</summary>
    public static void Multiply(
        bool transA, bool transB, int m, int n, int k, float alpha,
        float[] a, int lda, float[] b, int ldb, float beta, float[] c, int ldc, int threads, SgemmKernel kernel)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(c);
        Validate(m, n, k, transA, lda, a.Length, "A", transB, ldb, b.Length, ldc, c.Length);
        if (m == 0 || n == 0) return;
        ScaleC(m, n, beta, c, ldc);
        if (k == 0 || alpha == 0) return;

        var (mr, nr) = Tile(kernel);
        threads = Math.Clamp(threads <= 0 ? DefaultThreads : threads, 1, TrainingContext.MaxThreads);
        if ((long)m * n * k < MinParallelWork) threads = 1;
        if (!transA && n <= NarrowProduct.MaxColumns)
        {
            NarrowProduct.Multiply(transB, m, n, k, alpha, a, lda, b, ldb, c, ldc, threads);
            return;
        }
        // Row blocks: a multiple of the thread count, each at most MaxMC rows and a whole number of MR panels.
        var blocks = threads * Math.Max(1, (m + threads * MaxMC - 1) / (threads * MaxMC));
        var mc = Math.Min(MaxMC, RoundUp((m + blocks - 1) / blocks, mr));
        blocks = (m + mc - 1) / mc;
        var readAInPlace = !transA || lda <= MaxInPlaceLdaTransposed;
        var packedB = ArrayPool<float>.Shared.Rent(KC * RoundUp(Math.Min(n, NC), nr));
        try
        {
            for (var j0 = 0; j0 < n; j0 += NC)
            {
                var nc = Math.Min(NC, n - j0);
                for (var p0 = 0; p0 < k; p0 += KC)
                {
                    var kc = Math.Min(KC, k - p0);
                    PackB(b, ldb, transB, p0, kc, j0, nc, nr, packedB, threads == 1 || blocks == 1 ? 1 : threads);
                    var pass = new Pass(transA, readAInPlace, m, nc, kc, j0, p0, mc, mr, nr, alpha, a, lda, packedB, c, ldc, kernel);
                    if (threads == 1 || blocks == 1)
                    {
                        for (var block = 0; block < blocks; block++) pass.RunBlock(block);
                    }
                    else
                    {
                        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = threads }, pass.RunBlock);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(packedB);
        }
    }

    /// <summary>
    /// Fewest multiply-adds (m n k) worth splitting among threads: below it, waking a second thread and waiting for it
    /// costs about what it saves (a product of 64 x 64 matrices, as in small networks, runs in a few microseconds).
    /// </summary>
    private const long MinParallelWork = 1 << 20;

    /// <summary>
    /// Widest transposed A (its leading dimension) that the micro-kernel reads in place. Packing A costs about one pass
    /// of the kernel over the block, so full panels of A are read where they lie (only the rows short of a panel are
    /// packed); but each step of k in a transposed A is a new cache line a leading dimension away, and at wide power-of-two
    /// strides those lines compete for the same cache sets, where the packed copy is faster.
    /// </summary>
    private const int MaxInPlaceLdaTransposed = 512;

    /// <summary>Smallest packed B block (values) worth splitting among threads; below it a fork costs more than the copy.</summary>
    private const int ParallelPackValues = 32 * 1024;

    /// <summary>
    /// Packs a KC x NC block of B, its panels split among <paramref name="threads"/> on a large block: on one thread the
    /// copy is serial work that every thread of the pass waits for.
    /// </summary>
    private static void PackB(float[] b, int ldb, bool transB, int p0, int kc, int j0, int nc, int nr, float[] packed, int threads)
    {
        var panels = (nc + nr - 1) / nr;
        var parts = Math.Min(threads, panels);
        if (parts < 2 || kc * nc < ParallelPackValues)
        {
            Packing.PackB(b, ldb, transB, p0, kc, j0, nc, nr, packed);
            return;
        }
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
        {
            var first = panels * part / parts;
            var end = panels * (part + 1) / parts;
            var cols = Math.Min(end * nr, nc) - first * nr;
            Packing.PackB(b, ldb, transB, p0, kc, j0 + first * nr, cols, nr, packed.AsSpan(first * kc * nr));
        });
    }

    internal static (int Mr, int Nr) Tile(SgemmKernel kernel) => kernel switch
    {
        SgemmKernel.Vector512 => (6, 32),
        SgemmKernel.Vector256 => (6, 16),
        _ => (4, 8),
    };

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

    private static void ScaleC(int m, int n, float beta, float[] c, int ldc)
    {
        if (beta == 1) return;
        for (var i = 0; i < m; i++)
        {
            var row = c.AsSpan(i * ldc, n);
            if (beta == 0) row.Clear();
            else TensorPrimitives.Multiply(row, beta, row);
        }
    }

    private static void Validate(int m, int n, int k, bool transA, int lda, int aLength, string aName, bool transB, int ldb, int bLength, int ldc, int cLength)
    {
        if (m < 0 || n < 0 || k < 0) throw new ArgumentException($"Sgemm: negative size m={m}, n={n}, k={k}.");
        var (aRows, aCols) = transA ? (k, m) : (m, k);
        var (bRows, bCols) = transB ? (n, k) : (k, n);
        Check(aName, aRows, aCols, lda, aLength);
        Check("B", bRows, bCols, ldb, bLength);
        Check("C", m, n, ldc, cLength);
    }

    private static void Check(string name, int rows, int cols, int ld, int length)
    {
        if (ld < Math.Max(1, cols)) throw new ArgumentException($"Sgemm: leading dimension of {name} is {ld}, less than its {cols} columns.");
        if (rows > 0 && cols > 0 && (long)(rows - 1) * ld + cols > length)
            throw new ArgumentException($"Sgemm: {name} needs {(long)(rows - 1) * ld + cols} values for {rows} x {cols} with leading dimension {ld}, has {length}.");
    }

    /// <summary>
    /// One KC x NC pass: each row block runs the micro-kernel over its tiles, reading A in place (packing only the rows
    /// short of a whole panel) or from its own packed copy of the block.
    /// </summary>
    private sealed class Pass(
        bool transA, bool readAInPlace, int m, int nc, int kc, int j0, int p0, int mc, int mr, int nr, float alpha,
        float[] a, int lda, float[] packedB, float[] c, int ldc, SgemmKernel kernel)
    {
        public unsafe void RunBlock(int block)
        {
            var i0 = block * mc;
            var rows = Math.Min(mc, m - i0);
            var packed = readAInPlace ? rows % mr : rows;
            var inPlace = rows - packed; // leading rows read from A itself, a whole number of panels
            var packedA = packed > 0 ? ArrayPool<float>.Shared.Rent(RoundUp(packed, mr) * kc) : [];
            try
            {
                if (packed > 0) Packing.PackA(a, lda, transA, i0 + inPlace, packed, p0, kc, mr, packedA);
                // Value (i, p) of op(A) is at a[i * rs + p * cs].
                nint rs = transA ? 1 : lda, cs = transA ? lda : 1;
                fixed (float* pa0 = a)
                fixed (float* pp = packedA)
                fixed (float* pb = packedB)
                fixed (float* pc = c)
                {
                    var pa = pa0 + i0 * rs + p0 * cs;
                    for (var jr = 0; jr < nc; jr += nr)
                    {
                        var cols = Math.Min(nr, nc - jr);
                        var bPanel = pb + jr * kc;
                        for (var ir = 0; ir < rows; ir += mr)
                        {
                            var tileRows = Math.Min(mr, rows - ir);
                            var cTile = pc + (long)(i0 + ir) * ldc + j0 + jr;
                            float* aPanel;
                            nint panelRs, panelCs;
                            if (ir < inPlace)
                            {
                                aPanel = pa + ir * rs;
                                panelRs = rs;
                                panelCs = cs;
                            }
                            else
                            {
                                aPanel = pp + (ir - inPlace) * kc;
                                panelRs = 1;
                                panelCs = mr;
                            }
                            switch (kernel)
                            {
                                case SgemmKernel.Vector512: MicroKernels.Kernel6x32(kc, aPanel, panelRs, panelCs, bPanel, cTile, ldc, alpha, tileRows, cols); break;
                                case SgemmKernel.Vector256: MicroKernels.Kernel6x16(kc, aPanel, panelRs, panelCs, bPanel, cTile, ldc, alpha, tileRows, cols); break;
                                default: MicroKernels.Kernel4x8(kc, aPanel, panelRs, panelCs, bPanel, cTile, ldc, alpha, tileRows, cols); break;
                            }
                        }
                    }
                }
            }
            finally
            {
                if (packed > 0) ArrayPool<float>.Shared.Return(packedA);
            }
        }
    }
}
