namespace Pipelines.Export.Quantization;

/// <summary>
/// Symmetric int8 quantization of a weight matrix, one scale per output channel: scale_c = max_i |w_ic| / qmax,
/// q = round_half_even(w / scale_c) clamped to [-qmax, qmax], zero point 0 (qmax 127, or 63 with reduced range).
/// An all-zero channel gets scale 1.
/// </summary>
internal static class SymmetricInt8
{
    /// <summary>Quantizes row-major <paramref name="values"/> (<paramref name="rows"/> x <paramref name="columns"/>) with channels along <paramref name="axis"/>.</summary>
    public static (sbyte[] Quantized, float[] Scales) PerChannel(float[] values, int rows, int columns, int axis, bool reduceRange)
    {
        var qmax = reduceRange ? 63f : 127f;
        var channels = axis == 0 ? rows : columns;
        var scales = new float[channels];
        for (var r = 0; r < rows; r++)
        {
            for (var k = 0; k < columns; k++)
            {
                var c = axis == 0 ? r : k;
                scales[c] = Math.Max(scales[c], Math.Abs(values[r * columns + k]));
            }
        }
        for (var c = 0; c < channels; c++) scales[c] = scales[c] > 0 ? scales[c] / qmax : 1f;
        var quantized = new sbyte[values.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var k = 0; k < columns; k++)
            {
                var i = r * columns + k;
                var q = MathF.Round(values[i] / scales[axis == 0 ? r : k], MidpointRounding.ToEven);
                quantized[i] = (sbyte)Math.Clamp(q, -qmax, qmax);
            }
        }
        return (quantized, scales);
    }
}
