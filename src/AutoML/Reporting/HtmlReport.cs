using System.Text;
using Pipelines.AutoML.Reporting.Sections;
using Pipelines.IO;

namespace Pipelines.AutoML.Reporting;

/// <summary>
/// Renders <see cref="ReportData"/> as one self-contained HTML5 page (report.html): inline CSS and inline SVG charts,
/// no script, no external reference of any kind, and a Content-Security-Policy that forbids fetching anything, so the
/// file opens the same offline, attached to an e-mail or years later. Sections whose data is null are left out.
/// </summary>
public static class HtmlReport
{
    /// <summary>Leaderboard rows shown (the best ones).</summary>
    public const int LeaderboardRows = 20;

    /// <summary>Features shown in the importance chart (the most important ones).</summary>
    public const int ImportanceRows = 30;

    /// <summary>The page as a string.</summary>
    public static string Render(ReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(data.Header);
        var sections = ReportSections.All.Where(s => s.IsPresent(data)).ToList();
        var html = new HtmlWriter();
        html.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Raw("<meta name=\"generator\" content=\"Pipelines AutoML\">\n")
            .Raw("<title>").Text(data.Header.Title).Raw("</title>\n<style>\n").Raw(ReportStyle.Css).Raw("\n</style>\n</head>\n<body>\n");
        HeaderBlock.Write(html, data.Header, sections);
        html.Raw("<main class=\"wrap\">\n");
        foreach (var section in sections)
        {
            html.OpenSection(section.Id, section.Title);
            section.Write(html, data);
            html.CloseSection();
        }
        html.Raw("</main>\n<footer class=\"wrap\">Made by Pipelines AutoML. This file is self-contained: it loads nothing from the network.</footer>\n")
            .Raw("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// Renders the page and writes it to <paramref name="path"/> as UTF-8 without a byte order mark, atomically (a reader
    /// never sees half a file), creating the folder when it is missing.
    /// </summary>
    public static void Write(ReportData data, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Render(data));
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        AtomicFile.Write(path, stream => stream.Write(bytes));
    }
}
