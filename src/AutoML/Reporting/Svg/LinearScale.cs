namespace Pipelines.AutoML.Reporting.Svg;

/// <summary>
/// Maps a data interval onto a pixel interval, with "nice" ticks (steps of 1, 2 or 5 × 10^k, as most plotting
/// libraries choose them). A pixel range may run backwards (y grows downwards on screen).
/// </summary>
internal sealed class LinearScale
{
    private LinearScale(double min, double max, double from, double to, double step)
    {
        Min = min;
        Max = max;
        From = from;
        To = to;
        Step = step;
    }

    public double Min { get; }
    public double Max { get; }
    public double From { get; }
    public double To { get; }

    /// <summary>The distance between ticks.</summary>
    public double Step { get; }

    /// <summary>
    /// A scale over the finite <paramref name="values"/> (optionally stretched to include 0), widened to whole tick
    /// steps. An empty or constant input still gets a non-empty interval.
    /// </summary>
    public static LinearScale Fit(IEnumerable<double> values, double from, double to, bool includeZero = false, int ticks = 5)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (!double.IsFinite(v)) continue;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        if (min > max) (min, max) = (0, 1);
        if (includeZero) (min, max) = (Math.Min(min, 0), Math.Max(max, 0));
        if (min == max)
        {
            var pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            (min, max) = (min - pad, max + pad);
            if (includeZero && min < 0 && max - pad >= 0) min = 0;
        }
        var step = NiceStep((max - min) / ticks);
        return new LinearScale(Math.Floor(min / step + 1e-9) * step, Math.Ceiling(max / step - 1e-9) * step, from, to, step);
    }

    /// <summary>A scale over exactly [<paramref name="min"/>, <paramref name="max"/>] (e.g. [0, 1] for rates).</summary>
    public static LinearScale Fixed(double min, double max, double from, double to, int ticks = 5) =>
        new(min, max, from, to, NiceStep((max - min) / ticks));

    /// <summary>The pixel position of <paramref name="value"/>.</summary>
    public double Map(double value) => From + (value - Min) / (Max - Min) * (To - From);

    /// <summary>Tick values from <see cref="Min"/> to <see cref="Max"/>, multiples of <see cref="Step"/>.</summary>
    public IReadOnlyList<double> Ticks()
    {
        var ticks = new List<double>();
        var first = Math.Ceiling(Min / Step - 1e-9);
        for (var k = first; k * Step <= Max + Step * 1e-9; k++) ticks.Add(k * Step);
        return ticks;
    }

    /// <summary>The label of a tick.</summary>
    public string Label(double tick) => Format.Tick(tick, Step);

    private static double NiceStep(double raw)
    {
        if (!(raw > 0) || !double.IsFinite(raw)) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }
}
