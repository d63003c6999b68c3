namespace Pipelines.Trainers.Trees.Binning;

/// <summary>
/// Sorts floats (no NaN) ascending with a least-significant-digit radix sort on their order-preserving 32-bit keys
/// (sign bit flipped for positives, all bits for negatives): three counting passes of 11, 11 and 10 bits. On the
/// 200,000-value bin samples this is several times faster than <see cref="Array.Sort{T}(T[])"/>'s comparison sort;
/// the only difference in order is that -0 sorts before +0, which compare equal.
/// </summary>
internal static class FloatRadixSort
{
    // Below this length the comparison sort is as fast and needs no buffers.
    private const int MinLength = 2048;

    public static void Sort(Span<float> values)
    {
        if (values.Length < MinLength)
        {
            values.Sort();
            return;
        }
        var keys = new uint[values.Length];
        var buffer = new uint[values.Length];
        for (var i = 0; i < values.Length; i++) keys[i] = Key(values[i]);
        Pass(keys, buffer, 0, 11);
        Pass(buffer, keys, 11, 11);
        Pass(keys, buffer, 22, 10);
        for (var i = 0; i < values.Length; i++) values[i] = Value(buffer[i]);
    }

    /// <summary>Stable counting sort of <paramref name="from"/> into <paramref name="to"/> by bits [shift, shift + bits).</summary>
    private static void Pass(uint[] from, uint[] to, int shift, int bits)
    {
        var mask = (1u << bits) - 1;
        Span<int> starts = stackalloc int[1 << bits];
        starts.Clear();
        foreach (var k in from) starts[(int)((k >> shift) & mask)]++;
        var sum = 0;
        for (var d = 0; d < starts.Length; d++) (starts[d], sum) = (sum, sum + starts[d]);
        foreach (var k in from) to[starts[(int)((k >> shift) & mask)]++] = k;
    }

    private static uint Key(float x)
    {
        var bits = BitConverter.SingleToUInt32Bits(x);
        return (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
    }

    private static float Value(uint key) => BitConverter.UInt32BitsToSingle((key & 0x8000_0000u) != 0 ? key & 0x7FFF_FFFFu : ~key);
}
