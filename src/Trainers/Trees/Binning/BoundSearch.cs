using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Pipelines.Trainers.Trees.Binning;

/// <summary>
/// The first b with x &lt;= bounds[b] over at most 256 ascending bounds ending in +inf, without branches on the data: that
/// index is the number of bounds below x. The bounds are padded with +inf to 16 blocks of 16; one pair of 8-wide compares
/// against each block's last bound counts the blocks wholly below x, a second pair counts the bounds below x inside the
/// next block. A binary search with its unpredictable branches costs several times more per value.
/// </summary>
internal sealed class BoundSearch
{
    private const int Block = 16;
    private readonly float[] _bounds;
    private readonly float[] _padded = new float[256];
    private readonly float[] _blockLast = new float[256 / Block];

    public BoundSearch(float[] bounds)
    {
        if (bounds.Length is 0 or > 256) throw new ArgumentException("Between 1 and 256 bounds.", nameof(bounds));
        _bounds = bounds;
        Array.Fill(_padded, float.PositiveInfinity);
        bounds.CopyTo(_padded, 0);
        for (var i = 0; i < _blockLast.Length; i++) _blockLast[i] = _padded[(i * Block) + Block - 1];
    }

    /// <summary>The first b with <paramref name="x"/> &lt;= bounds[b]; x must not be NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(float x) => Vector256.IsHardwareAccelerated ? Count(x) : Binary(x);

    private int Count(float x)
    {
        var v = Vector256.Create(x);
        var block = Below(ref MemoryMarshal.GetArrayDataReference(_blockLast), v);
        return (block * Block) + Below(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_padded), block * Block), v);
    }

    /// <summary>How many of the 16 floats at <paramref name="first"/> are below every lane of <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Below(ref float first, Vector256<float> x) =>
        BitOperations.PopCount(Vector256.LessThan(Vector256.LoadUnsafe(ref first), x).ExtractMostSignificantBits()) +
        BitOperations.PopCount(Vector256.LessThan(Vector256.LoadUnsafe(ref first, 8), x).ExtractMostSignificantBits());

    private int Binary(float x)
    {
        int lo = 0, hi = _bounds.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (x <= _bounds[mid]) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }
}
