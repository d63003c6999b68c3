using System.Globalization;
using Pipelines.Profiling;
using Spectre.Console;

namespace Pipelines.Cli.Output;

/// <summary>Renders a <see cref="DataProfile"/> as tables: columns, class balance, suggested fixes.</summary>
internal static class ProfileView
{
    public static void Render(Terminal terminal, string name, DataProfile profile)
    {
        var console = terminal.Console;
        console.MarkupLine($"[bold]{Markup.Escape(name)}[/]: {profile.RowCount:N0} rows, {profile.Columns.Count} columns, {profile.DuplicateRowCount:N0} duplicate rows");
        console.Write(Columns(terminal, profile));
        if (profile.Label is { } label)
        {
            console.Write(Classes(terminal, label));
            if (label.DescribeSpellingVariants() is { } variants) console.MarkupLine($"[yellow]Note[/]: {Markup.Escape(variants)}.");
        }
        foreach (var decisive in profile.DescribeDecisiveFeatures()) console.MarkupLine($"[yellow]Note[/]: {Markup.Escape(decisive)}.");
        console.Write(Fixes(terminal, profile));
    }

    private static Table Columns(Terminal terminal, DataProfile profile)
    {
        var table = new Table { Border = terminal.Border, Title = new TableTitle("Columns") };
        foreach (var header in new[] { "column", "kind", "missing", "distinct", "min", "max", "mean", "std", "outliers", "top values" })
            table.AddColumn(header);
        foreach (var c in profile.Columns)
        {
            var n = c.Numeric;
            var name = c.Role == Data.ColumnRole.Feature ? c.Name : $"{c.Name} ({c.Role.ToString().ToLowerInvariant()})";
            table.AddRow(
                Cell(name), Cell(c.Kind.ToString().ToLowerInvariant() + (c.IsConstant ? ", constant" : "")),
                Cell(Percent(c.MissingFraction)), Cell(c.DistinctCount.ToString("N0", CultureInfo.InvariantCulture)),
                Cell(Number(n?.Min)), Cell(Number(n?.Max)), Cell(Number(n?.Mean)), Cell(Number(n?.Std)),
                Cell(n is null ? "" : n.OutlierCount.ToString(CultureInfo.InvariantCulture)),
                Cell(c.TopCategories is null ? "" : string.Join(", ", c.TopCategories.Take(3).Select(t => $"{t.Category} ({t.Count})"))));
        }
        return table;
    }

    private static Table Classes(Terminal terminal, LabelProfile label)
    {
        var table = new Table
        {
            Border = terminal.Border,
            Title = new TableTitle($"Label '{label.Name}': imbalance ratio {label.ImbalanceRatio.ToString("0.##", CultureInfo.InvariantCulture)}"),
        };
        table.AddColumn("class").AddColumn("rows").AddColumn("share");
        var total = label.ClassCounts.Sum(c => c.Count);
        foreach (var c in label.ClassCounts)
            table.AddRow(Cell(c.Category), Cell(c.Count.ToString("N0", CultureInfo.InvariantCulture)), Cell(Percent(total == 0 ? 0 : (double)c.Count / total)));
        return table;
    }

    private static Table Fixes(Terminal terminal, DataProfile profile)
    {
        var table = new Table { Border = terminal.Border, Title = new TableTitle("Suggested fixes") };
        table.AddColumn("issue").AddColumn("columns").AddColumn("step");
        foreach (var fix in profile.Fixes)
            table.AddRow(Cell(fix.Issue), Cell(string.Join(", ", fix.Columns)), Cell(fix.Step));
        if (profile.Fixes.Count == 0) table.AddRow(Cell("none: the data looks clean"), Cell(""), Cell(""));
        return table;
    }

    private static Markup Cell(string text) => new(Markup.Escape(text));

    private static string Percent(double fraction) => fraction == 0 ? "0" : fraction.ToString("0.0%", CultureInfo.InvariantCulture);

    private static string Number(double? value) => value switch
    {
        null => "",
        double v when double.IsNaN(v) => "",
        double v when Math.Abs(v) >= 1e6 || (Math.Abs(v) < 1e-3 && v != 0) => v.ToString("0.###e0", CultureInfo.InvariantCulture),
        double v => v.ToString("0.###", CultureInfo.InvariantCulture),
    };
}
