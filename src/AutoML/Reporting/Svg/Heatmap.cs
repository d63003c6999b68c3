namespace Pipelines.AutoML.Reporting.Svg;

/// <summary>
/// A confusion matrix as a grid of shaded cells: row = actual class, column = predicted class, each cell shaded by its
/// share of the row (so a class's recall reads on the diagonal whatever the class sizes) and labelled with its count.
/// </summary>
internal static class Heatmap
{
    private const int MaxLabel = 20;

    public static string Render(string chart, string title, IReadOnlyList<string> classes, int[,] counts, string rowTitle, string columnTitle)
    {
        var n = classes.Count;
        var cell = Math.Clamp(440.0 / Math.Max(1, n), 22, 76);
        var labelWidth = classes.Select(c => SvgWriter.TextWidth(Html.Shorten(c, MaxLabel))).DefaultIfEmpty(20).Max();
        var left = 30 + labelWidth + 10;
        const double top = 12;
        var rotated = classes.Any(c => SvgWriter.TextWidth(Html.Shorten(c, MaxLabel)) > cell - 4);
        var below = rotated ? labelWidth * 0.6 + 20 : 24;
        var width = left + n * cell + 20;
        var height = top + n * cell + below + 24;
        var svg = new SvgWriter(chart, title, Math.Max(width, 260), height);
        for (var a = 0; a < n; a++)
        {
            var rowTotal = 0L;
            for (var p = 0; p < n; p++) rowTotal += counts[a, p];
            var y = top + a * cell;
            svg.Text(left - 8, y + cell / 2 + 4, Html.Shorten(classes[a], MaxLabel), "end", fullText: classes[a]);
            for (var p = 0; p < n; p++)
            {
                var share = rowTotal == 0 ? 0 : (double)counts[a, p] / rowTotal;
                var x = left + p * cell;
                svg.Rect(x, y, cell - 2, cell - 2, Palette.Ramp(share),
                    $"actual {classes[a]}, predicted {classes[p]}: {Format.Count(counts[a, p])} ({Format.Percent(share)} of actual {classes[a]})",
                    a == p ? "stroke=\"#33363b\" stroke-width=\"1\"" : null);
                if (cell < 30) continue;
                var ink = share > 0.5 ? "#ffffff" : "#1f2328";
                var twoLines = cell >= 44;
                svg.Text(x + (cell - 2) / 2, y + (cell - 2) / 2 + (twoLines ? 0 : 4), Format.Count(counts[a, p]), "middle", "cell", fill: ink);
                if (twoLines) svg.Text(x + (cell - 2) / 2, y + (cell - 2) / 2 + 14, Format.Percent(share), "middle", "cell-note", fill: ink);
            }
        }
        var bottom = top + n * cell;
        for (var p = 0; p < n; p++)
        {
            var x = left + p * cell + cell / 2;
            var label = Html.Shorten(classes[p], MaxLabel);
            if (rotated) svg.Text(x + 4, bottom + 12, label, "end", rotate: -35, fullText: classes[p]);
            else svg.Text(x, bottom + 16, label, "middle", fullText: classes[p]);
        }
        svg.Text(14, top + n * cell / 2, rowTitle, "middle", "axis-title", rotate: -90);
        svg.Text(left + n * cell / 2, height - 8, columnTitle, "middle", "axis-title");
        return svg.ToString();
    }
}
