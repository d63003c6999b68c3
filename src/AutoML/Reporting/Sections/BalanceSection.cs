using Pipelines.AutoML.Reporting.Svg;

namespace Pipelines.AutoML.Reporting.Sections;

/// <summary>Rows per class before and after rebalancing, as grouped bars and a table of counts and shares.</summary>
internal static class BalanceSection
{
    public static void Write(HtmlWriter html, ClassBalance balance)
    {
        // Classes by name, in the order they first appear (before, then after).
        var classes = balance.Before.Select(c => c.Category).Concat(balance.After.Select(c => c.Category)).Distinct(StringComparer.Ordinal).ToList();
        var before = Counts(balance.Before, classes);
        var after = Counts(balance.After, classes);
        var (totalBefore, totalAfter) = (before.Sum(), after.Sum());
        html.Paragraph(
            $"Imbalance ratio (largest class / smallest) {Format.Fixed(Ratio(before), 2)} before and {Format.Fixed(Ratio(after), 2)} after" +
            (balance.Method is null ? "." : $" {balance.Method}.") +
            $" Training rows: {Format.Count(totalBefore)} before, {Format.Count(totalAfter)} after.", "lead");
        if (classes.Count == 0)
        {
            html.Paragraph("No class counts were given.", "note");
            return;
        }
        var chart = BarChart.Render(new BarChartSpec("class-balance", "Rows per class before and after rebalancing", classes,
            [
                new BarSeries("before", [.. before.Select(v => (double)v)], Palette.Series(0), v => Format.Count((long)v)),
                new BarSeries("after", [.. after.Select(v => (double)v)], Palette.Series(1), v => Format.Count((long)v)),
            ], "rows") { XTitle = "class" });
        html.Figure(chart, "Training rows per class before and after rebalancing (the test rows are never resampled).");
        html.Table(
            ["Class", Cell.Number("Before"), Cell.Number("Share"), Cell.Number("After"), Cell.Number("Share")],
            classes.Select((c, i) => (IReadOnlyList<Cell>)
            [
                c,
                Cell.Number(Format.Count(before[i])), new Cell(Format.Percent(Share(before[i], totalBefore)), true, Bar: Share(before[i], totalBefore)),
                Cell.Number(Format.Count(after[i])), new Cell(Format.Percent(Share(after[i], totalAfter)), true, Bar: Share(after[i], totalAfter)),
            ]));
    }

    private static long[] Counts(IReadOnlyList<Profiling.CategoryCount> counts, List<string> classes) =>
        [.. classes.Select(c => counts.Where(x => x.Category == c).Sum(x => (long)x.Count))];

    private static double Share(long count, long total) => total == 0 ? double.NaN : (double)count / total;

    private static double Ratio(long[] counts)
    {
        var present = counts.Where(c => c > 0).ToArray();
        return present.Length == 0 ? double.NaN : (double)present.Max() / present.Min();
    }
}
