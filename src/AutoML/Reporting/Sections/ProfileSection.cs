using Pipelines.AutoML.Reporting.Svg;
using Pipelines.Data;
using Pipelines.Profiling;

namespace Pipelines.AutoML.Reporting.Sections;

/// <summary>What the data held (per-column profile, duplicates, label distribution), what was suggested and what was applied.</summary>
internal static class ProfileSection
{
    private const int TopCategoriesShown = 3;

    /// <summary>Characters of a category the summary shows: a feature's category can be a whole document.</summary>
    private const int MaxCategoryShown = 40;

    public static void Write(HtmlWriter html, ReportData data)
    {
        if (data.Profile is { } profile) WriteProfile(html, profile);
        if (data.FixesApplied is { } fixes)
        {
            html.Subheading("Fixes applied");
            if (fixes.Count == 0) html.Paragraph("No cleaning step was needed.", "note");
            else html.List(fixes, ordered: true);
        }
    }

    private static void WriteProfile(HtmlWriter html, DataProfile profile)
    {
        var duplicates = profile.RowCount == 0 ? 0 : (double)profile.DuplicateRowCount / profile.RowCount;
        html.Paragraph($"{Format.Count(profile.RowCount)} rows, {Format.Count(profile.Columns.Count)} columns, " +
            $"{Format.Count(profile.DuplicateRowCount)} duplicate rows ({Format.Percent(duplicates)}).", "lead");
        if (profile.Label is { ClassCounts.Count: > 0 } label) WriteLabel(html, label);
        foreach (var decisive in profile.DescribeDecisiveFeatures()) html.Paragraph(char.ToUpperInvariant(decisive[0]) + decisive[1..] + ".", "note");
        html.Subheading("Columns");
        html.Table(
            ["Column", "Kind", Cell.Number("Missing"), Cell.Number("Distinct"), "Summary", Cell.Number("Outliers")],
            profile.Columns.Select(Row));
        if (profile.Fixes.Count > 0)
        {
            html.Subheading("Suggested fixes");
            html.List(profile.Fixes.Select(f => f.Columns.Count == 0
                ? $"{f.Step}: {f.Issue}"
                : $"{f.Step}: {f.Issue} ({string.Join(", ", f.Columns)})"));
        }
    }

    private static void WriteLabel(HtmlWriter html, LabelProfile label)
    {
        var classes = label.ClassCounts.Select(c => c.Category).ToList();
        var total = label.ClassCounts.Sum(c => (long)c.Count);
        var chart = BarChart.Render(new BarChartSpec("label-distribution", $"Rows per class of label {label.Name}", classes,
            [new BarSeries("rows", [.. label.ClassCounts.Select(c => (double)c.Count)], Palette.Series(0), v => Format.Count((long)v))],
            "rows") { XTitle = label.Name, Height = 300 });
        html.Figure(chart, $"Label '{label.Name}': " + string.Join(", ", label.ClassCounts.Select(c =>
            $"{c.Category} {Format.Count(c.Count)} ({Format.Percent(total == 0 ? double.NaN : (double)c.Count / total)})")) +
            $"; imbalance ratio {Format.Fixed(label.ImbalanceRatio, 2)}.");
        if (label.DescribeSpellingVariants() is { } variants) html.Paragraph(char.ToUpperInvariant(variants[0]) + variants[1..] + ".", "note");
    }

    private static IReadOnlyList<Cell> Row(ColumnProfile c)
    {
        var kind = c.Role == ColumnRole.Feature ? c.Kind.ToString() : $"{c.Kind} ({c.Role.ToString().ToLowerInvariant()})";
        var outliers = c.Numeric is { } n ? Format.Count(n.OutlierCount) : "";
        return
        [
            new Cell(c.Name, Class: c.Role == ColumnRole.Feature ? null : "strong"),
            kind + (c.IsConstant ? ", constant" : ""),
            new Cell(Format.Percent(c.MissingFraction), true, Bar: c.MissingFraction),
            Cell.Number(Format.Count(c.DistinctCount)),
            Summary(c),
            Cell.Number(outliers),
        ];
    }

    private static string Summary(ColumnProfile c)
    {
        if (c.Numeric is { } n)
        {
            return double.IsNaN(n.Mean)
                ? "all missing"
                : $"{Format.Score(n.Min)} to {Format.Score(n.Max)}, mean {Format.Score(n.Mean)} \u00b1 {Format.Score(n.Std)}, skew {Format.Fixed(n.Skewness, 2)}";
        }
        if (c.TopCategories is { Count: > 0 } top)
            return string.Join(", ", top.Take(TopCategoriesShown).Select(t => $"{Html.Shorten(t.Category, MaxCategoryShown)} ({Format.Count(t.Count)})")) + (top.Count > TopCategoriesShown || c.DistinctCount > TopCategoriesShown ? ", \u2026" : "");
        return "";
    }
}
