using System.Globalization;

namespace Pipelines.AutoML.Reporting;

/// <summary>Numbers, sizes and durations as the report prints them: invariant culture, missing values as a dash.</summary>
internal static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>What the report prints for a value that is not there (NaN, infinity).</summary>
    public const string Missing = "\u2013";

    /// <summary>A metric value: 4 decimals, or 4 significant digits when large or tiny (1234.5 → 1,234.5, 0.000012 → 1.2e-05).</summary>
    public static string Score(double value)
    {
        if (!double.IsFinite(value)) return Missing;
        var magnitude = Math.Abs(value);
        if (magnitude >= 1e4) return value.ToString("#,0.#", Invariant);
        if (magnitude != 0 && magnitude < 1e-3) return value.ToString("0.0#e+00", Invariant);
        return value.ToString("0.0000", Invariant);
    }

    /// <summary>A ratio with two significant digits below 1 (0.0024, 0.031, 0.31) and two decimals at most above (1.2, 12.5).</summary>
    public static string Ratio(double ratio)
    {
        if (!double.IsFinite(ratio)) return Missing;
        if (ratio >= 1 || ratio <= 0) return ratio.ToString("0.0#", Invariant);
        return ratio.ToString("0." + new string('0', (int)Math.Floor(-Math.Log10(ratio))) + "##", Invariant);
    }

    /// <summary>A count with thousands separators (3,000).</summary>
    public static string Count(long value) => value.ToString("#,0", Invariant);

    /// <summary>A fixed number of decimals (NaN as a dash).</summary>
    public static string Fixed(double value, int decimals) =>
        double.IsFinite(value) ? value.ToString("F" + decimals.ToString(Invariant), Invariant) : Missing;

    /// <summary>A share as a percentage with one decimal (0.0812 → 8.1%).</summary>
    public static string Percent(double share) => double.IsFinite(share) ? (share * 100).ToString("0.0", Invariant) + "%" : Missing;

    /// <summary>Bytes in B, KB, MB or GB (powers of 1024), 3 significant digits.</summary>
    public static string Bytes(long bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = 0;
        while (Math.Abs(value) >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        var text = unit == 0 ? value.ToString("0", Invariant) : value.ToString(value >= 100 ? "0" : value >= 10 ? "0.0" : "0.00", Invariant);
        return $"{text} {units[unit]}";
    }

    /// <summary>Seconds as "0.42 s", "12.3 s", "4 min 05 s" or "1 h 02 min".</summary>
    public static string Seconds(double seconds)
    {
        if (!double.IsFinite(seconds)) return Missing;
        if (seconds < 10) return seconds.ToString("0.00", Invariant) + " s";
        if (seconds < 60) return seconds.ToString("0.0", Invariant) + " s";
        var span = TimeSpan.FromSeconds(Math.Round(seconds));
        return span.TotalHours >= 1
            ? string.Create(Invariant, $"{(int)span.TotalHours} h {span.Minutes:00} min")
            : string.Create(Invariant, $"{span.Minutes} min {span.Seconds:00} s");
    }

    /// <summary>A date and time with its UTC offset (2025-03-01 14:05 UTC+01:00; UTC when the offset is 0).</summary>
    public static string Date(DateTimeOffset when) =>
        when.ToString("yyyy-MM-dd HH:mm", Invariant) + (when.Offset == TimeSpan.Zero ? " UTC" : " UTC" + when.ToString("zzz", Invariant));

    /// <summary>A chart coordinate: at most 2 decimals, no exponent, no trailing zeros.</summary>
    public static string Coord(double value) => Math.Round(value, 2).ToString("0.##", Invariant);

    /// <summary>
    /// An axis tick: as many decimals as the tick step needs, and k/M/G suffixes for large values (12,000 → 12k).
    /// </summary>
    public static string Tick(double value, double step)
    {
        if (Math.Abs(value) < step * 1e-9) value = 0;  // avoid "-0" and 1e-17 from accumulated steps
        var magnitude = Math.Max(Math.Abs(value), step);
        (double divisor, string suffix) = magnitude >= 1e9 ? (1e9, "G") : magnitude >= 1e6 ? (1e6, "M") : magnitude >= 1e4 ? (1e3, "k") : (1, "");
        var decimals = Math.Clamp(-(int)Math.Floor(Math.Log10(step / divisor) + 1e-9), 0, 8);
        return (value / divisor).ToString("F" + decimals.ToString(Invariant), Invariant) + suffix;
    }
}
