using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Pipelines.Trainers.Neural.Kernels;

/// <summary>
/// Copies blocks of the operands into the contiguous panel layout the micro-kernels stream through (as in BLIS/GotoBLAS):
/// A in panels of <c>mr</c> rows stored column by column, B in panels of <c>nr</c> columns stored row by row. Rows or
/// columns past the edge are zero, so the kernel always runs full tiles and every real element of C sees the same
/// sequence of operations whatever the matrix sizes.
/// </summary>
internal static class Packing
{
    /// <summary>Packs op(A)[rows i0..i0+mc, cols p0..p0+kc] into <paramref name="packed"/> (ceil(mc/mr) panels of kc x mr).</summary>
    public static void PackA(ReadOnlySpan<float> a, int lda, bool transA, int i0, int mc, int p0, int kc, int mr, Span<float> packed)
    {
        var panels = (mc + mr - 1) / mr;
        for (var panel = 0; panel < panels; panel++)
        {
            var dest = packed.Slice(panel * kc * mr, kc * mr);
            var rows = Math.Min(mr, mc - panel * mr);
            if (rows < mr) dest.Clear();
            for (var i = 0; i < rows; i++)
            {
                var row = i0 + panel * mr + i;
                if (!transA)
                {
                    var source = a.Slice(row * lda + p0, kc);
                    for (var p = 0; p < kc; p++) dest[p * mr + i] = source[p];
                }
                else
                {
                    for (var p = 0; p < kc; p++) dest[p * mr + i] = a[(p0 + p) * lda + row];
                }
            }
        }
    }

    /// <summary>Packs op(B)[rows p0..p0+kc, cols j0..j0+nc] into <paramref name="packed"/> (ceil(nc/nr) panels of kc x nr).</summary>
    public static void PackB(ReadOnlySpan<float> b, int ldb, bool transB, int p0, int kc, int j0, int nc, int nr, Span<float> packed)
    {
        var panels = (nc + nr - 1) / nr;
        for (var panel = 0; panel < panels; panel++)
        {
            var dest = packed.Slice(panel * kc * nr, kc * nr);
            var cols = Math.Min(nr, nc - panel * nr);
            var col0 = j0 + panel * nr;
            if (cols < nr) dest.Clear();
            if (!transB)
            {
                for (var p = 0; p < kc; p++) b.Slice((p0 + p) * ldb + col0, cols).CopyTo(dest.Slice(p * nr, cols));
            }
            else
            {
                // Whole 8 x 8 blocks by register transposes, the rest one value at a time.
                var fast = Avx.IsSupported ? cols / 8 * 8 : 0;
                var fastDepth = kc / 8 * 8;
                for (var j = 0; j < fast; j += 8)
                {
                    for (var p = 0; p < fastDepth; p += 8) Transpose8x8(b[((col0 + j) * ldb + p0 + p)..], ldb, dest[(p * nr + j)..], nr);
                }
                for (var j = 0; j < cols; j++)
                {
                    var source = b.Slice((col0 + j) * ldb + p0, kc);
                    for (var p = j < fast ? fastDepth : 0; p < kc; p++) dest[p * nr + j] = source[p];
                }
            }
        }
    }

    /// <summary>
    /// dest[q * ldd + r] = source[r * lds + q] for r, q in 0..7 (AVX): eight row loads, three rounds of shuffles, eight
    /// row stores, instead of 64 strided single-value moves.
    /// </summary>
    private static void Transpose8x8(ReadOnlySpan<float> source, int lds, Span<float> dest, int ldd)
    {
        ref var s = ref MemoryMarshal.GetReference(source);
        _ = source[7 * lds + 7];
        _ = dest[7 * ldd + 7];
        var r0 = Vector256.LoadUnsafe(ref s);
        var r1 = Vector256.LoadUnsafe(ref s, (nuint)lds);
        var r2 = Vector256.LoadUnsafe(ref s, (nuint)(2 * lds));
        var r3 = Vector256.LoadUnsafe(ref s, (nuint)(3 * lds));
        var r4 = Vector256.LoadUnsafe(ref s, (nuint)(4 * lds));
        var r5 = Vector256.LoadUnsafe(ref s, (nuint)(5 * lds));
        var r6 = Vector256.LoadUnsafe(ref s, (nuint)(6 * lds));
        var r7 = Vector256.LoadUnsafe(ref s, (nuint)(7 * lds));
        // Pairs of rows interleaved, then groups of four: u_q holds column q (low half) and q + 4 (high half) of four rows.
        Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1), t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5), t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);
        Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44), u1 = Avx.Shuffle(t0, t2, 0xEE), u2 = Avx.Shuffle(t1, t3, 0x44), u3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> u4 = Avx.Shuffle(t4, t6, 0x44), u5 = Avx.Shuffle(t4, t6, 0xEE), u6 = Avx.Shuffle(t5, t7, 0x44), u7 = Avx.Shuffle(t5, t7, 0xEE);
        ref var d = ref MemoryMarshal.GetReference(dest);
        Avx.Permute2x128(u0, u4, 0x20).StoreUnsafe(ref d);
        Avx.Permute2x128(u1, u5, 0x20).StoreUnsafe(ref d, (nuint)ldd);
        Avx.Permute2x128(u2, u6, 0x20).StoreUnsafe(ref d, (nuint)(2 * ldd));
        Avx.Permute2x128(u3, u7, 0x20).StoreUnsafe(ref d, (nuint)(3 * ldd));
        Avx.Permute2x128(u0, u4, 0x31).StoreUnsafe(ref d, (nuint)(4 * ldd));
        Avx.Permute2x128(u1, u5, 0x31).StoreUnsafe(ref d, (nuint)(5 * ldd));
        Avx.Permute2x128(u2, u6, 0x31).StoreUnsafe(ref d, (nuint)(6 * ldd));
        Avx.Permute2x128(u3, u7, 0x31).StoreUnsafe(ref d, (nuint)(7 * ldd));
    }
}
