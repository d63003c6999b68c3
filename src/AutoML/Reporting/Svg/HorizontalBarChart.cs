namespace Pipelines.AutoML.Reporting.Svg;

/// <summary>What a <see cref="HorizontalBarChart"/> draws: one bar per label, with an optional ± error whisker.</summary>
internal sealed record HorizontalBarSpec(string Chart, string Title, IReadOnlyList<string> Labels, IReadOnlyList<double> Values, string XTitle)
{
    /// <summary>Half-length of each bar's whisker (a standard deviation); null for none.</summary>
    public IReadOnlyList<double>? Errors { get; init; }

    public double Width { get; init; } = 720;
    public double RowHeight { get; init; } = 22;
}

/// <summary>Horizontal bars from 0, read top to bottom (feature importance): long labels fit on the left.</summary>
internal static class HorizontalBarChart
{
    private const int MaxLabel = 32;

    public static string Render(HorizontalBarSpec spec)
    {
        const double top = 12, bottomMargin = 46, right = 24;
        var height = top + spec.Labels.Count * spec.RowHeight + bottomMargin;
        var svg = new SvgWriter(spec.Chart, spec.Title, spec.Width, height);
        var left = 16 + spec.Labels.Select(l => SvgWriter.TextWidth(Html.Shorten(l, MaxLabel))).DefaultIfEmpty(40).Max();
        var extent = spec.Values.Select((v, i) => v + Error(spec, i)).Concat(spec.Values.Select((v, i) => v - Error(spec, i)));
        var x = LinearScale.Fit(extent, left, spec.Width - right, includeZero: true);
        var plot = new PlotArea(svg, left, top, spec.Width - right, height - bottomMargin);
        plot.Background();
        plot.XAxis(x, spec.XTitle);
        var zero = x.Map(0);
        svg.Line(zero, plot.Top, zero, plot.Bottom, Palette.Axis);
        for (var i = 0; i < spec.Labels.Count; i++)
        {
            var rowTop = top + i * spec.RowHeight;
            var middle = rowTop + spec.RowHeight / 2;
            svg.Text(left - 8, middle + 4, Html.Shorten(spec.Labels[i], MaxLabel), "end", fullText: spec.Labels[i]);
            var value = spec.Values[i];
            if (!double.IsFinite(value)) continue;
            var px = x.Map(value);
            var error = Error(spec, i);
            var tooltip = $"{spec.Labels[i]}: {Format.Score(value)}" + (spec.Errors is null ? "" : $" \u00b1 {Format.Score(error)}");
            svg.Rect(Math.Min(px, zero), rowTop + spec.RowHeight * 0.18, Math.Abs(px - zero), spec.RowHeight * 0.64,
                value >= 0 ? Palette.Series(0) : Palette.Series(2), tooltip);
            if (error > 0)
            {
                var (from, to) = (x.Map(value - error), x.Map(value + error));
                svg.Line(from, middle, to, middle, "#33363b", 1.2);
                svg.Line(from, middle - 4, from, middle + 4, "#33363b", 1.2);
                svg.Line(to, middle - 4, to, middle + 4, "#33363b", 1.2);
            }
        }
        return svg.ToString();
    }

    private static double Error(HorizontalBarSpec spec, int i) =>
        spec.Errors is { } e && i < e.Count && double.IsFinite(e[i]) ? Math.Abs(e[i]) : 0;
}
