using System.Text;

namespace Pipelines.AutoML.Reporting.Svg;

/// <summary>
/// Writes one inline <c>&lt;svg&gt;</c> chart: the root carries <c>data-chart</c>, <c>role="img"</c> and an accessible
/// <c>&lt;title&gt;</c>; shapes take coordinates in pixels of the view box, and data marks a tooltip (see
/// <see cref="Close"/>). Every string is escaped.
/// No namespace URL is written: inline SVG in HTML5 needs none.
/// </summary>
internal sealed class SvgWriter
{
    /// <summary>Font size of tick and legend text, in view-box pixels.</summary>
    public const double FontSize = 12;

    /// <summary>Characters a tooltip shows: tooltips carry the data's names and categories, which can be documents.</summary>
    private const int MaxTooltipChars = 300;

    private readonly StringBuilder _svg = new();

    public SvgWriter(string chart, string title, double width, double height)
    {
        Width = width;
        Height = height;
        var w = Format.Coord(width);
        var h = Format.Coord(height);
        _svg.Append("<svg class=\"chart\" data-chart=\"").Append(Html.Escape(chart))
            .Append("\" role=\"img\" aria-label=\"").Append(Html.Escape(title))
            .Append("\" width=\"").Append(w).Append("\" height=\"").Append(h)
            .Append("\" viewBox=\"0 0 ").Append(w).Append(' ').Append(h).Append("\">")
            .Append("<title>").Append(Html.Escape(title)).Append("</title>\n");
    }

    public double Width { get; }
    public double Height { get; }

    /// <summary>An approximate text width, for layout (average glyph ≈ 0.6 em in the report's sans-serif font).</summary>
    public static double TextWidth(string text, double fontSize = FontSize) => text.Length * fontSize * 0.6;

    public void Rect(double x, double y, double width, double height, string fill, string? tooltip = null, string? extra = null)
    {
        _svg.Append("<rect x=\"").Append(Format.Coord(x)).Append("\" y=\"").Append(Format.Coord(y))
            .Append("\" width=\"").Append(Format.Coord(Math.Max(0, width))).Append("\" height=\"").Append(Format.Coord(Math.Max(0, height)))
            .Append("\" fill=\"").Append(fill).Append('"');
        Close("rect", extra, tooltip);
    }

    public void Line(double x1, double y1, double x2, double y2, string stroke, double strokeWidth = 1, bool dashed = false)
    {
        _svg.Append("<line x1=\"").Append(Format.Coord(x1)).Append("\" y1=\"").Append(Format.Coord(y1))
            .Append("\" x2=\"").Append(Format.Coord(x2)).Append("\" y2=\"").Append(Format.Coord(y2))
            .Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(Format.Coord(strokeWidth)).Append('"');
        if (dashed) _svg.Append(" stroke-dasharray=\"5 4\"");
        _svg.Append("/>\n");
    }

    public void Circle(double cx, double cy, double r, string fill, string? tooltip = null, string? extra = null)
    {
        _svg.Append("<circle cx=\"").Append(Format.Coord(cx)).Append("\" cy=\"").Append(Format.Coord(cy))
            .Append("\" r=\"").Append(Format.Coord(r)).Append("\" fill=\"").Append(fill).Append('"');
        Close("circle", extra, tooltip);
    }

    /// <summary>A path from SVG path data (built with <see cref="Format.Coord"/>), unfilled unless <paramref name="fill"/> is given.</summary>
    public void Path(string data, string stroke, double strokeWidth, string? fill = null, bool dashed = false, string? tooltip = null)
    {
        _svg.Append("<path d=\"").Append(data).Append("\" stroke=\"").Append(stroke)
            .Append("\" stroke-width=\"").Append(Format.Coord(strokeWidth)).Append("\" fill=\"").Append(fill ?? "none")
            .Append("\" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
        if (dashed) _svg.Append(" stroke-dasharray=\"5 4\"");
        Close("path", null, tooltip);
    }

    /// <summary>
    /// Text at (x, y) (y is the baseline), anchored start, middle or end; <paramref name="cssClass"/> is a class of the
    /// report's style sheet (tick, legend, value, ...), <paramref name="rotate"/> turns it (degrees) about its anchor,
    /// <paramref name="fill"/> overrides the class colour, and <paramref name="fullText"/> is shown as a tooltip when
    /// the text was shortened.
    /// </summary>
    public void Text(double x, double y, string text, string anchor = "start", string cssClass = "tick", double rotate = 0, string? fill = null, string? fullText = null)
    {
        _svg.Append("<text x=\"").Append(Format.Coord(x)).Append("\" y=\"").Append(Format.Coord(y))
            .Append("\" text-anchor=\"").Append(anchor).Append("\" class=\"").Append(cssClass).Append('"');
        if (fill is not null) _svg.Append(" fill=\"").Append(fill).Append('"');
        if (rotate != 0)
            _svg.Append(" transform=\"rotate(").Append(Format.Coord(rotate)).Append(' ').Append(Format.Coord(x)).Append(' ').Append(Format.Coord(y)).Append(")\"");
        _svg.Append('>');
        if (fullText is not null && fullText != text) _svg.Append("<title>").Append(Html.Escape(Html.Shorten(fullText, MaxTooltipChars))).Append("</title>");
        _svg.Append(Html.Escape(text)).Append("</text>\n");
    }

    /// <summary>The finished element.</summary>
    public override string ToString() => _svg.ToString() + "</svg>";

    /// <summary>
    /// Ends an element. A shape given a tooltip (even an empty one) is a data mark: it gets <c>class="mark"</c>, so it can
    /// be told from the frame, grid and legend, and a non-empty tooltip becomes a <c>&lt;title&gt;</c> child that
    /// browsers show on hover.
    /// </summary>
    private void Close(string tag, string? extra, string? tooltip)
    {
        if (tooltip is not null) _svg.Append(" class=\"mark\"");
        if (extra is not null) _svg.Append(' ').Append(extra);
        if (string.IsNullOrEmpty(tooltip)) _svg.Append("/>\n");
        else _svg.Append("><title>").Append(Html.Escape(Html.Shorten(tooltip, MaxTooltipChars))).Append("</title></").Append(tag).Append(">\n");
    }
}
