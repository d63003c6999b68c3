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
                for (var j = 0; j < cols; j++)
                {
                    var source = b.Slice((col0 + j) * ldb + p0, kc);
                    for (var p = 0; p < kc; p++) dest[p * nr + j] = source[p];
                }
            }
        }
    }
}
