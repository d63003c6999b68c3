namespace Pipelines.AutoML.Reporting.Sections;

/// <summary>The page header: title, what was run and when, and links to the sections present.</summary>
internal static class HeaderBlock
{
    public static void Write(HtmlWriter html, ReportHeader header, IReadOnlyList<ReportSection> sections)
    {
        html.Raw("<header class=\"top\"><div class=\"wrap\">\n<h1>").Text(header.Title).Raw("</h1>\n<div class=\"meta\">");
        foreach (var item in Meta(header)) html.Raw("<span>").Text(item).Raw("</span>");
        html.Raw("</div>\n<nav class=\"toc\" aria-label=\"Sections\">");
        foreach (var s in sections) html.Raw("<a href=\"#").Raw(s.Id).Raw("\">").Text(s.Title).Raw("</a>");
        html.Raw("</nav>\n</div></header>\n");
    }

    private static IEnumerable<string> Meta(ReportHeader header)
    {
        if (header.DataSet is not null) yield return "data: " + header.DataSet;
        if (header.Label is not null) yield return "label: " + header.Label;
        if (header.Task is not null) yield return header.Task;
        if (header.CreatedAt is { } at) yield return Format.Date(at);
        if (header.Elapsed is { } elapsed)
            yield return "ran " + Format.Seconds(elapsed.TotalSeconds) + (header.Budget is { } b ? " of a " + Format.Seconds(b.TotalSeconds) + " budget" : "");
        else if (header.Budget is { } budget) yield return "budget " + Format.Seconds(budget.TotalSeconds);
    }
}
