namespace Pipelines.AutoML.Reporting.Svg;

/// <summary>Chart colours: Tableau 10, distinguishable and calm on white, cycled for more series.</summary>
internal static class Palette
{
    private static readonly string[] Colors =
        ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

    public const string Grid = "#e6e8eb";
    public const string Axis = "#8a9099";
    public const string Reference = "#9aa0a6";
    public const string Highlight = "#d62728";

    /// <summary>The colour of series <paramref name="index"/>.</summary>
    public static string Series(int index) => Colors[index % Colors.Length];

    /// <summary>
    /// A blue ramp from near-white (0) to dark blue (1) for heat maps, interpolated in RGB between #f4f8fb and #08306b.
    /// </summary>
    public static string Ramp(double share)
    {
        var t = double.IsFinite(share) ? Math.Clamp(share, 0, 1) : 0;
        static int Mix(int a, int b, double t) => (int)Math.Round(a + (b - a) * t);
        return $"#{Mix(0xf4, 0x08, t):x2}{Mix(0xf8, 0x30, t):x2}{Mix(0xfb, 0x6b, t):x2}";
    }
}
