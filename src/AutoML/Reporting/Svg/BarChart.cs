namespace Pipelines.AutoML.Reporting.Svg;

/// <summary>One series of a <see cref="BarChart"/>: a value per category, and how a value reads in labels and tooltips.</summary>
internal sealed record BarSeries(string Name, IReadOnlyList<double> Values, string Color, Func<double, string> Label);

/// <summary>What a <see cref="BarChart"/> draws.</summary>
internal sealed record BarChartSpec(string Chart, string Title, IReadOnlyList<string> Categories, IReadOnlyList<BarSeries> Series, string YTitle)
{
    public string? XTitle { get; init; }

    /// <summary>Writes each bar's value above it where the text fits over the bar.</summary>
    public bool ValueLabels { get; init; } = true;

    public double Width { get; init; } = 560;
    public double Height { get; init; } = 340;
}

/// <summary>Vertical bars, grouped by category, one bar per series (class balance before/after, category shares, model sizes).</summary>
internal static class BarChart
{
    public static string Render(BarChartSpec spec)
    {
        var svg = new SvgWriter(spec.Chart, spec.Title, spec.Width, spec.Height);
        var legend = spec.Series.Count > 1 ? spec.Series.Select(s => new LegendItem(s.Name, s.Color, LegendMark.Box)).ToList() : [];
        const double legendTop = 8, right = 16;
        var top = legendTop + Legend.Rows(legend, spec.Width - 24) * Legend.RowHeight + (spec.ValueLabels ? 22 : 12);
        var values = spec.Series.SelectMany(s => s.Values);
        // The band width depends on the left margin, which depends on the y ticks: estimate with a generous margin first.
        var estimate = (spec.Width - 80) / Math.Max(1, spec.Categories.Count);
        var bottom = spec.Height - PlotArea.CategoryLabelHeight(spec.Categories, estimate) - (spec.XTitle is null ? 0 : 18);
        var y = LinearScale.Fit(values, bottom, top, includeZero: true);
        var left = PlotArea.LeftMargin(y, hasTitle: true);
        var plot = new PlotArea(svg, left, top, spec.Width - right, bottom);
        var band = plot.Width / Math.Max(1, spec.Categories.Count);
        plot.Background();
        plot.YAxis(y, spec.YTitle);
        plot.CategoryAxis(spec.Categories, i => left + band * (i + 0.5), band, spec.XTitle);
        Legend.Draw(svg, legend, left, legendTop, plot.Width);
        var barWidth = band * 0.8 / Math.Max(1, spec.Series.Count);
        var zero = y.Map(0);
        for (var c = 0; c < spec.Categories.Count; c++)
        {
            for (var s = 0; s < spec.Series.Count; s++)
            {
                var series = spec.Series[s];
                var value = c < series.Values.Count ? series.Values[c] : double.NaN;
                if (!double.IsFinite(value)) continue;
                var x = left + band * c + band * 0.1 + barWidth * s;
                var py = y.Map(value);
                svg.Rect(x, Math.Min(py, zero), barWidth - 1, Math.Abs(zero - py), series.Color,
                    $"{spec.Categories[c]} \u2013 {series.Name}: {series.Label(value)}");
                // A value label only where it fits over its bar.
                var text = series.Label(value);
                if (spec.ValueLabels && SvgWriter.TextWidth(text, 11) <= barWidth + 4) svg.Text(x + (barWidth - 1) / 2, Math.Min(py, zero) - 4, text, "middle", "value");
            }
        }
        return svg.ToString();
    }
}
