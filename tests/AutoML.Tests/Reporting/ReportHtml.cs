using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Pipelines.AutoML.Tests.Reporting;

/// <summary>Reads charts back out of a rendered report: each inline svg parses as XML (it is written well-formed).</summary>
internal static partial class ReportHtml
{
    /// <summary>Every chart <c>&lt;svg&gt;</c> with the given data-chart name, parsed.</summary>
    public static IReadOnlyList<XElement> Charts(string html, string name) =>
        [.. SvgElement().Matches(html).Select(m => XElement.Parse(m.Value)).Where(e => (string?)e.Attribute("data-chart") == name)];

    /// <summary>The data-chart names of every chart in the page.</summary>
    public static IReadOnlyList<string> ChartNames(string html) =>
        [.. SvgElement().Matches(html).Select(m => (string)XElement.Parse(m.Value).Attribute("data-chart")!)];

    /// <summary>The data marks of a chart (bars, cells, dots, curves): shapes of class "mark", not frame, grid or legend.</summary>
    public static IReadOnlyList<XElement> Marks(XElement svg) => [.. svg.Descendants().Where(e => (string?)e.Attribute("class") == "mark")];

    /// <summary>Whether a mark has an extent: a rect with area, a circle with a radius, a path that moves.</summary>
    public static bool HasExtent(XElement mark) => mark.Name.LocalName switch
    {
        "rect" => (double)mark.Attribute("width")! > 0 && (double)mark.Attribute("height")! > 0,
        "circle" => (double)mark.Attribute("r")! > 0,
        "path" => ((string)mark.Attribute("d")!).Any(c => c is 'L' or 'H' or 'V'),
        _ => false,
    };

    [GeneratedRegex("<svg\\b.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgElement();
}
