namespace Pipelines.Export.Quantization;

/// <summary>
/// Tracks the range (min and max) of one activation over the calibration rows, and gives its uint8 asymmetric
/// parameters: the range is widened to hold 0, scale = (max - min) / 255, zero point = round(-min / scale) in [0, 255]
/// (0 exactly representable).
/// </summary>
internal sealed class ActivationRangeTracker
{
    public float Min { get; private set; } = float.PositiveInfinity;

    public float Max { get; private set; } = float.NegativeInfinity;

    /// <summary>Widens the range to hold every non-NaN value of <paramref name="values"/>.</summary>
    public void Observe(ReadOnlySpan<float> values)
    {
        foreach (var v in values)
        {
            if (float.IsNaN(v)) continue;
            if (v < Min) Min = v;
            if (v > Max) Max = v;
        }
    }

    /// <summary>The uint8 scale and zero point (scale 1, zero point 0 when nothing but zeros, or nothing, was seen).</summary>
    public (float Scale, byte ZeroPoint) UInt8Parameters()
    {
        var min = Math.Min(float.IsFinite(Min) ? Min : 0f, 0f);
        var max = Math.Max(float.IsFinite(Max) ? Max : 0f, 0f);
        var scale = (max - min) / 255f;
        if (!(scale > 0) || !float.IsFinite(scale)) return (1f, 0);
        var zero = Math.Clamp(MathF.Round(-min / scale, MidpointRounding.ToEven), 0f, 255f);
        return (scale, (byte)zero);
    }
}
