namespace Pipelines.AutoML.Reporting.Svg;

/// <summary>How a series is drawn: a polyline, a step line (value holds until the next point), or dots.</summary>
internal enum SeriesKind
{
    Line,
    Step,
    Dots,
}

/// <summary>
/// One series of an <see cref="XyChart"/>; non-finite points are skipped. A null name keeps it out of the legend. A
/// reference series (chance diagonal, baseline) is drawn dashed and is not a data mark.
/// </summary>
internal sealed record XySeries(string? Name, IReadOnlyList<(double X, double Y)> Points, SeriesKind Kind, string Color, bool Reference = false)
{
    /// <summary>Tooltip of each dot (Dots only), in point order; null for none.</summary>
    public IReadOnlyList<string>? Tooltips { get; init; }
}

/// <summary>A point to call out: a ring, a dashed drop line to the x axis, and a label.</summary>
internal sealed record XyHighlight(double X, double Y, string Label);

/// <summary>What an <see cref="XyChart"/> draws.</summary>
internal sealed record XyChartSpec(string Chart, string Title, string XTitle, string YTitle, IReadOnlyList<XySeries> Series)
{
    /// <summary>Fixed x range (e.g. [0, 1] for rates); null fits the data.</summary>
    public (double Min, double Max)? XRange { get; init; }

    /// <summary>Fixed y range; null fits the data.</summary>
    public (double Min, double Max)? YRange { get; init; }

    public XyHighlight? Highlight { get; init; }
    public double Width { get; init; } = 560;
    public double Height { get; init; } = 380;
}

/// <summary>A chart of series over two value axes: lines (ROC, PR, threshold curves), steps (best score so far) and dots (trials).</summary>
internal static class XyChart
{
    public static string Render(XyChartSpec spec)
    {
        var svg = new SvgWriter(spec.Chart, spec.Title, spec.Width, spec.Height);
        var legend = spec.Series.Where(s => s.Name is not null)
            .Select(s => new LegendItem(s.Name!, s.Color, s.Kind == SeriesKind.Dots ? LegendMark.Dot : LegendMark.Line)).ToList();
        var legendTop = 8.0;
        var top = legendTop + Legend.Rows(legend, spec.Width - 24) * Legend.RowHeight + 10;
        const double bottomMargin = 48;
        var points = spec.Series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        var y = spec.YRange is { } yr
            ? LinearScale.Fixed(yr.Min, yr.Max, spec.Height - bottomMargin, top)
            : LinearScale.Fit(points.Select(p => p.Y), spec.Height - bottomMargin, top);
        var left = PlotArea.LeftMargin(y, hasTitle: true);
        const double right = 18;
        var x = spec.XRange is { } xr
            ? LinearScale.Fixed(xr.Min, xr.Max, left, spec.Width - right)
            : LinearScale.Fit(points.Select(p => p.X), left, spec.Width - right);
        var plot = new PlotArea(svg, left, top, spec.Width - right, spec.Height - bottomMargin);
        plot.Background();
        plot.YAxis(y, spec.YTitle);
        plot.XAxis(x, spec.XTitle);
        Legend.Draw(svg, legend, left, legendTop, spec.Width - left - right);
        foreach (var series in spec.Series) SeriesMarks.Draw(svg, series, x, y);
        if (spec.Highlight is { } h && double.IsFinite(h.X) && double.IsFinite(h.Y)) DrawHighlight(svg, plot, h, x, y);
        return svg.ToString();
    }

    private static void DrawHighlight(SvgWriter svg, PlotArea plot, XyHighlight h, LinearScale x, LinearScale y)
    {
        var (px, py) = (x.Map(h.X), y.Map(h.Y));
        svg.Line(px, py, px, plot.Bottom, Palette.Highlight, 1.2, dashed: true);
        svg.Circle(px, py, 5.5, "none", h.Label, $"stroke=\"{Palette.Highlight}\" stroke-width=\"2\" data-highlight=\"true\"");
        // Keep the label inside the plot: to the right of the point, or to its left near the right edge.
        var onLeft = px + SvgWriter.TextWidth(h.Label) + 12 > plot.Right;
        svg.Text(onLeft ? px - 9 : px + 9, Math.Max(plot.Top + 12, py - 9), h.Label, onLeft ? "end" : "start", "callout");
    }
}
