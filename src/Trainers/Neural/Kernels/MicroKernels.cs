using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Pipelines.Trainers.Neural.Kernels;

/// <summary>
/// Register-blocked micro-kernels: C[mr x nr tile] += alpha * sum_p Apanel[p, :]^T Bpanel[p, :] over a packed B panel
/// and an A panel whose value (i, p) is at <c>a[i * rs + p * cs]</c> (packed: rs = 1, cs = mr; or A itself, either
/// layout, read in place), accumulating in registers across the whole k block in order p = 0..kc-1, then adding into C once. Only the
/// <c>rows</c> x <c>cols</c> corner that lies inside C is written.
/// <para>
/// No call may follow the k loop while the accumulators are live: vector registers do not survive calls, so the JIT
/// would keep each accumulator in memory and store it on every iteration (a quarter of the speed). Hence full tiles
/// are added into C in place, and the edge tiles' buffer is not zeroed (<see cref="SkipLocalsInitAttribute"/>: zeroing
/// a stackalloc is a helper call).
/// </para>
/// </summary>
[SkipLocalsInit]
internal static unsafe class MicroKernels
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> MulAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) =>
        Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : Vector256.Add(Vector256.Multiply(a, b), c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> MulAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c) =>
        Avx512F.IsSupported ? Avx512F.FusedMultiplyAdd(a, b, c) : Vector512.Add(Vector512.Multiply(a, b), c);

    /// <summary>x * y + z rounded as the vector store does (fused where FMA is), so edge tiles match full ones.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float MulAdd(float x, float y, float z) => Fma.IsSupported ? MathF.FusedMultiplyAdd(x, y, z) : x * y + z;

    /// <summary>6 x 16 tile with Vector256 (mr = 6, nr = 16).</summary>
    public static void Kernel6x16(int kc, float* a, nint rs, nint cs, float* b, float* c, int ldc, float alpha, int rows, int cols)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        var rs2 = 2 * rs;
        var a3 = a + 3 * rs;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            var x = Vector256.Create(a[0]);
            c00 = MulAdd(x, b0, c00); c01 = MulAdd(x, b1, c01);
            x = Vector256.Create(a[rs]);
            c10 = MulAdd(x, b0, c10); c11 = MulAdd(x, b1, c11);
            x = Vector256.Create(a[rs2]);
            c20 = MulAdd(x, b0, c20); c21 = MulAdd(x, b1, c21);
            x = Vector256.Create(a3[0]);
            c30 = MulAdd(x, b0, c30); c31 = MulAdd(x, b1, c31);
            x = Vector256.Create(a3[rs]);
            c40 = MulAdd(x, b0, c40); c41 = MulAdd(x, b1, c41);
            x = Vector256.Create(a3[rs2]);
            c50 = MulAdd(x, b0, c50); c51 = MulAdd(x, b1, c51);
            a += cs;
            a3 += cs;
            b += 16;
        }
        var scale = Vector256.Create(alpha);
        if (rows == 6 && cols == 16)
        {
            Store(c, c00, c01, scale); Store(c + ldc, c10, c11, scale); Store(c + 2 * ldc, c20, c21, scale);
            Store(c + 3 * ldc, c30, c31, scale); Store(c + 4 * ldc, c40, c41, scale); Store(c + 5 * ldc, c50, c51, scale);
            return;
        }
        var tile = stackalloc float[6 * 16];
        c00.Store(tile); c01.Store(tile + 8); c10.Store(tile + 16); c11.Store(tile + 24); c20.Store(tile + 32); c21.Store(tile + 40);
        c30.Store(tile + 48); c31.Store(tile + 56); c40.Store(tile + 64); c41.Store(tile + 72); c50.Store(tile + 80); c51.Store(tile + 88);
        AddCorner(tile, 16, c, ldc, alpha, rows, cols);
    }

    /// <summary>6 x 32 tile with Vector512 (mr = 6, nr = 32).</summary>
    public static void Kernel6x32(int kc, float* a, nint rs, nint cs, float* b, float* c, int ldc, float alpha, int rows, int cols)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector512<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        var rs2 = 2 * rs;
        var a3 = a + 3 * rs;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            var x = Vector512.Create(a[0]);
            c00 = MulAdd(x, b0, c00); c01 = MulAdd(x, b1, c01);
            x = Vector512.Create(a[rs]);
            c10 = MulAdd(x, b0, c10); c11 = MulAdd(x, b1, c11);
            x = Vector512.Create(a[rs2]);
            c20 = MulAdd(x, b0, c20); c21 = MulAdd(x, b1, c21);
            x = Vector512.Create(a3[0]);
            c30 = MulAdd(x, b0, c30); c31 = MulAdd(x, b1, c31);
            x = Vector512.Create(a3[rs]);
            c40 = MulAdd(x, b0, c40); c41 = MulAdd(x, b1, c41);
            x = Vector512.Create(a3[rs2]);
            c50 = MulAdd(x, b0, c50); c51 = MulAdd(x, b1, c51);
            a += cs;
            a3 += cs;
            b += 32;
        }
        var scale = Vector512.Create(alpha);
        if (rows == 6 && cols == 32)
        {
            Store(c, c00, c01, scale); Store(c + ldc, c10, c11, scale); Store(c + 2 * ldc, c20, c21, scale);
            Store(c + 3 * ldc, c30, c31, scale); Store(c + 4 * ldc, c40, c41, scale); Store(c + 5 * ldc, c50, c51, scale);
            return;
        }
        var tile = stackalloc float[6 * 32];
        c00.Store(tile); c01.Store(tile + 16); c10.Store(tile + 32); c11.Store(tile + 48); c20.Store(tile + 64); c21.Store(tile + 80);
        c30.Store(tile + 96); c31.Store(tile + 112); c40.Store(tile + 128); c41.Store(tile + 144); c50.Store(tile + 160); c51.Store(tile + 176);
        AddCorner(tile, 32, c, ldc, alpha, rows, cols);
    }

    /// <summary>4 x 8 tile in scalar code (mr = 4, nr = 8).</summary>
    public static void Kernel4x8(int kc, float* a, nint rs, nint cs, float* b, float* c, int ldc, float alpha, int rows, int cols)
    {
        var tile = stackalloc float[4 * 8];
        new Span<float>(tile, 32).Clear();
        for (var p = 0; p < kc; p++)
        {
            for (var i = 0; i < 4; i++)
            {
                var x = a[i * rs];
                var t = tile + i * 8;
                for (var j = 0; j < 8; j++) t[j] += x * b[j];
            }
            a += cs;
            b += 8;
        }
        AddCorner(tile, 8, c, ldc, alpha, rows, cols);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, Vector256<float> low, Vector256<float> high, Vector256<float> alpha)
    {
        MulAdd(low, alpha, Vector256.Load(c)).Store(c);
        MulAdd(high, alpha, Vector256.Load(c + 8)).Store(c + 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, Vector512<float> low, Vector512<float> high, Vector512<float> alpha)
    {
        MulAdd(low, alpha, Vector512.Load(c)).Store(c);
        MulAdd(high, alpha, Vector512.Load(c + 16)).Store(c + 16);
    }

    private static void AddCorner(float* tile, int nr, float* c, int ldc, float alpha, int rows, int cols)
    {
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++) c[i * ldc + j] = MulAdd(tile[i * nr + j], alpha, c[i * ldc + j]);
        }
    }
}
