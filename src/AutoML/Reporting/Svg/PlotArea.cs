namespace Pipelines.AutoML.Reporting.Svg;

/// <summary>
/// The rectangle of a chart that holds the data, inside margins for axes and legend: draws the background, grid
/// lines, ticks, tick labels and axis titles.
/// </summary>
internal sealed class PlotArea(SvgWriter svg, double left, double top, double right, double bottom)
{
    public const double TickLength = 4;

    public double Left { get; } = left;
    public double Top { get; } = top;
    public double Right { get; } = right;
    public double Bottom { get; } = bottom;
    public double Width => Right - Left;
    public double Height => Bottom - Top;

    /// <summary>The left margin that fits the tick labels of <paramref name="y"/> and a rotated axis title.</summary>
    public static double LeftMargin(LinearScale y, bool hasTitle) =>
        y.Ticks().Max(t => SvgWriter.TextWidth(y.Label(t))) + TickLength + 8 + (hasTitle ? 20 : 0);

    public void Background() => svg.Rect(Left, Top, Width, Height, "#fbfbfc", extra: "stroke=\"" + Palette.Grid + "\"");

    /// <summary>Horizontal grid lines and tick labels of a value axis on the left, and its title.</summary>
    public void YAxis(LinearScale y, string? title)
    {
        foreach (var tick in y.Ticks())
        {
            var py = y.Map(tick);
            svg.Line(Left, py, Right, py, Palette.Grid);
            svg.Text(Left - TickLength - 3, py + 4, y.Label(tick), "end");
        }
        if (title is not null) svg.Text(14, Top + Height / 2, title, "middle", "axis-title", rotate: -90);
    }

    /// <summary>Vertical grid lines and tick labels of a value axis at the bottom, and its title.</summary>
    public void XAxis(LinearScale x, string? title)
    {
        foreach (var tick in x.Ticks())
        {
            var px = x.Map(tick);
            svg.Line(px, Top, px, Bottom, Palette.Grid);
            svg.Line(px, Bottom, px, Bottom + TickLength, Palette.Axis);
            svg.Text(px, Bottom + TickLength + 12, x.Label(tick), "middle");
        }
        svg.Line(Left, Bottom, Right, Bottom, Palette.Axis);
        if (title is not null) svg.Text(Left + Width / 2, svg.Height - 8, title, "middle", "axis-title");
    }

    /// <summary>
    /// Category labels under the bands of a bar chart, rotated when they would overlap, shortened when long (the full
    /// name stays as a tooltip). Returns nothing; the caller reserved <see cref="CategoryLabelHeight"/> below the plot.
    /// </summary>
    public void CategoryAxis(IReadOnlyList<string> categories, Func<int, double> center, double band, string? title)
    {
        var rotated = Rotated(categories, band);
        for (var i = 0; i < categories.Count; i++)
        {
            var label = Html.Shorten(categories[i], rotated ? 18 : 24);
            var x = center(i);
            if (rotated) svg.Text(x + 4, Bottom + 14, label, "end", rotate: -35, fullText: categories[i]);
            else svg.Text(x, Bottom + 16, label, "middle", fullText: categories[i]);
        }
        svg.Line(Left, Bottom, Right, Bottom, Palette.Axis);
        if (title is not null) svg.Text(Left + Width / 2, svg.Height - 8, title, "middle", "axis-title");
    }

    /// <summary>Room below the plot for category labels: a rotated label (35°, at most 18 characters) reaches down its width × sin 35°.</summary>
    public static double CategoryLabelHeight(IReadOnlyList<string> categories, double band) =>
        Rotated(categories, band) ? SvgWriter.TextWidth(new string('x', Math.Min(18, categories.Max(c => c.Length)))) * Math.Sin(35 * Math.PI / 180) + 24 : 26;

    private static bool Rotated(IReadOnlyList<string> categories, double band) =>
        categories.Any(c => SvgWriter.TextWidth(Html.Shorten(c, 24)) > band - 4);
}
