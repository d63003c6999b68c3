namespace Pipelines.AutoML.Reporting.Svg;

/// <summary>One distribution of a <see cref="HistogramOverlay"/>: a share of rows per bin.</summary>
internal sealed record HistogramSeries(string Name, IReadOnlyList<double> Shares, string Color);

/// <summary>
/// Several histograms over the same bins drawn on top of each other as translucent step areas (real against synthetic
/// values of a column), so where they differ shows at a glance.
/// </summary>
internal static class HistogramOverlay
{
    public static string Render(string chart, string title, IReadOnlyList<double> edges, IReadOnlyList<HistogramSeries> series, string xTitle,
        double width = 420, double height = 260)
    {
        var svg = new SvgWriter(chart, title, width, height);
        var legend = series.Select(s => new LegendItem(s.Name, s.Color, LegendMark.Box)).ToList();
        const double legendTop = 6, right = 14, bottomMargin = 44;
        var top = legendTop + Legend.Rows(legend, width - 24) * Legend.RowHeight + 8;
        var y = LinearScale.Fit(series.SelectMany(s => s.Shares), height - bottomMargin, top, includeZero: true, ticks: 4);
        var left = PlotArea.LeftMargin(y, hasTitle: true);
        var x = LinearScale.Fit(edges, left, width - right);
        var plot = new PlotArea(svg, left, top, width - right, height - bottomMargin);
        plot.Background();
        plot.YAxis(y, "share of rows");
        plot.XAxis(x, xTitle);
        Legend.Draw(svg, legend, left, legendTop, plot.Width);
        var bins = edges.Count - 1;
        foreach (var s in series)
        {
            var zero = Format.Coord(y.Map(0));
            var path = new System.Text.StringBuilder().Append('M').Append(Format.Coord(x.Map(edges[0]))).Append(' ').Append(zero);
            for (var b = 0; b < bins; b++)
            {
                var share = b < s.Shares.Count && double.IsFinite(s.Shares[b]) ? s.Shares[b] : 0;
                path.Append('V').Append(Format.Coord(y.Map(share))).Append('H').Append(Format.Coord(x.Map(edges[b + 1])));
            }
            path.Append('V').Append(zero).Append('Z');
            svg.Path(path.ToString(), s.Color, 1.5, s.Color + "59", tooltip: s.Name);  // fill at 35% opacity (#RRGGBBAA)
        }
        return svg.ToString();
    }
}
