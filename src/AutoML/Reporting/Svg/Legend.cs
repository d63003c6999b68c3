namespace Pipelines.AutoML.Reporting.Svg;

/// <summary>How a legend entry is marked: a line (curves), a filled square (bars, areas) or a dot (scatter).</summary>
internal enum LegendMark
{
    Line,
    Box,
    Dot,
}

/// <summary>One legend entry.</summary>
internal sealed record LegendItem(string Label, string Color, LegendMark Mark);

/// <summary>A legend laid out in rows across the top of a chart, wrapping when an entry does not fit.</summary>
internal static class Legend
{
    public const double RowHeight = 18;
    private const double MarkWidth = 18;
    private const double Gap = 16;
    private const int MaxLabel = 36;

    /// <summary>How many rows the legend needs in <paramref name="width"/> pixels (0 when there is nothing to show).</summary>
    public static int Rows(IReadOnlyList<LegendItem> items, double width) => items.Count == 0 ? 0 : Place(items, width).Max(p => p.Row) + 1;

    /// <summary>Draws the entries, starting at (<paramref name="left"/>, <paramref name="top"/>).</summary>
    public static void Draw(SvgWriter svg, IReadOnlyList<LegendItem> items, double left, double top, double width)
    {
        var places = Place(items, width);
        for (var i = 0; i < items.Count; i++)
        {
            var (x, row) = (left + places[i].X, places[i].Row);
            var y = top + row * RowHeight + RowHeight / 2;
            var item = items[i];
            switch (item.Mark)
            {
                case LegendMark.Line: svg.Line(x, y, x + MarkWidth - 4, y, item.Color, 2.5); break;
                case LegendMark.Dot: svg.Circle(x + 7, y, 4, item.Color); break;
                default: svg.Rect(x + 1, y - 6, 12, 12, item.Color); break;
            }
            svg.Text(x + MarkWidth, y + 4, Html.Shorten(item.Label, MaxLabel), cssClass: "legend", fullText: item.Label);
        }
    }

    private static List<(double X, int Row)> Place(IReadOnlyList<LegendItem> items, double width)
    {
        var places = new List<(double, int)>(items.Count);
        double x = 0;
        var row = 0;
        foreach (var item in items)
        {
            var w = MarkWidth + SvgWriter.TextWidth(Html.Shorten(item.Label, MaxLabel)) + Gap;
            if (x > 0 && x + w > width)
            {
                row++;
                x = 0;
            }
            places.Add((x, row));
            x += w;
        }
        return places;
    }
}
