using Pipelines.AutoML.Reporting.Svg;

namespace Pipelines.AutoML.Reporting.Sections;

/// <summary>Real against synthetic rows, column by column: overlaid histograms and side-by-side category shares.</summary>
internal static class SyntheticSection
{
    private static readonly string Real = Palette.Series(0);
    private static readonly string Synthetic = Palette.Series(1);

    public static void Write(HtmlWriter html, SyntheticComparison comparison)
    {
        html.Paragraph($"{Format.Count(comparison.SyntheticRows)} synthetic rows from the GAN against {Format.Count(comparison.RealRows)} real rows. " +
            "Shares of rows are compared, so the sides need not be the same size; the total variation distance (0 = same " +
            "distribution, 1 = disjoint) sums up each column.", "lead");
        if (comparison.Numeric.Count == 0 && comparison.Categorical.Count == 0)
        {
            html.Paragraph("No column was compared.", "note");
            return;
        }
        html.OpenGrid();
        foreach (var d in comparison.Numeric) WriteNumeric(html, d);
        foreach (var d in comparison.Categorical) WriteCategorical(html, d);
        html.CloseGrid();
    }

    private static void WriteNumeric(HtmlWriter html, NumericDistribution d)
    {
        var bins = d.BinEdges.Count - 1;
        if (bins < 1 || d.Real.Count != bins || d.Synthetic.Count != bins)
            throw new ArgumentException(
                $"Column '{d.Column}': {d.BinEdges.Count} bin edges need {Math.Max(0, bins)} counts per side, but there are " +
                $"{d.Real.Count} real and {d.Synthetic.Count} synthetic; give one count per bin (edges = bins + 1).", nameof(d));
        var (real, synthetic) = (Shares(d.Real), Shares(d.Synthetic));
        var chart = HistogramOverlay.Render("synthetic-numeric", $"{d.Column}: real against synthetic", d.BinEdges,
            [new HistogramSeries("real", real, Real), new HistogramSeries("synthetic", synthetic, Synthetic)], d.Column);
        html.Figure(Column(chart, d.Column), $"{d.Column}: total variation distance {Format.Fixed(Distance(real, synthetic), 3)}.");
    }

    private static void WriteCategorical(HtmlWriter html, CategoricalDistribution d)
    {
        if (d.Real.Count != d.Categories.Count || d.Synthetic.Count != d.Categories.Count)
            throw new ArgumentException(
                $"Column '{d.Column}': {d.Categories.Count} categories need as many counts per side, but there are " +
                $"{d.Real.Count} real and {d.Synthetic.Count} synthetic.", nameof(d));
        var (real, synthetic) = (Shares(d.Real), Shares(d.Synthetic));
        var chart = BarChart.Render(new BarChartSpec("synthetic-categorical", $"{d.Column}: real against synthetic", d.Categories,
            [
                new BarSeries("real", real, Real, Format.Percent),
                new BarSeries("synthetic", synthetic, Synthetic, Format.Percent),
            ], "share of rows") { Width = 420, Height = 260, ValueLabels = false });
        html.Figure(Column(chart, d.Column), $"{d.Column}: total variation distance {Format.Fixed(Distance(real, synthetic), 3)}.");
    }

    /// <summary>Tags the chart with the column it shows, so a reader (or a test) can find one column's chart.</summary>
    private static string Column(string svg, string column) =>
        svg.Insert(svg.IndexOf('>', StringComparison.Ordinal), $" data-column=\"{Html.Escape(column)}\"");

    private static double[] Shares(IReadOnlyList<long> counts)
    {
        var total = counts.Sum();
        return [.. counts.Select(c => total == 0 ? 0 : (double)c / total)];
    }

    /// <summary>Total variation distance ½ Σ |p − q| between two share vectors.</summary>
    private static double Distance(double[] p, double[] q) => 0.5 * p.Zip(q, (a, b) => Math.Abs(a - b)).Sum();
}
