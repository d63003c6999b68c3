using System.Text;

namespace Pipelines.AutoML.Reporting;

/// <summary>
/// A table cell: its text (escaped when written), whether it is a number (right-aligned), an optional CSS class, and an
/// optional share in [0, 1] drawn as a small bar behind the text (missing shares, class shares).
/// </summary>
internal readonly record struct Cell(string Text, bool Numeric = false, string? Class = null, double? Bar = null)
{
    public static implicit operator Cell(string text) => new(text);

    public static Cell Number(string text, string? cssClass = null) => new(text, true, cssClass);
}

/// <summary>Builds the report's HTML: sections, paragraphs, tables and figures. Text goes through <see cref="Html.Escape"/>.</summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _html = new(1 << 16);

    /// <summary>Appends markup as it is (only for markup this code built).</summary>
    public HtmlWriter Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    /// <summary>Appends escaped text.</summary>
    public HtmlWriter Text(string? text)
    {
        _html.Append(Html.Escape(text));
        return this;
    }

    public void OpenSection(string id, string heading)
    {
        _html.Append("<section id=\"").Append(id).Append("\">\n<h2>").Append(Html.Escape(heading)).Append("</h2>\n");
    }

    public void CloseSection() => _html.Append("</section>\n");

    /// <summary>A paragraph of escaped text, with an optional CSS class (lead, note, muted).</summary>
    public void Paragraph(string text, string? cssClass = null)
    {
        _html.Append(cssClass is null ? "<p>" : $"<p class=\"{cssClass}\">").Append(Html.Escape(text)).Append("</p>\n");
    }

    /// <summary>A small heading inside a section.</summary>
    public void Subheading(string text) => _html.Append("<h3>").Append(Html.Escape(text)).Append("</h3>\n");

    /// <summary>Opens a grid that lays figures side by side when there is room.</summary>
    public void OpenGrid() => _html.Append("<div class=\"grid\">\n");

    public void CloseGrid() => _html.Append("</div>\n");

    /// <summary>A chart (an <c>&lt;svg&gt;</c> from the Svg helpers) with a caption of escaped text.</summary>
    public void Figure(string svg, string caption)
    {
        _html.Append("<figure>\n").Append(svg).Append("\n<figcaption>").Append(Html.Escape(caption)).Append("</figcaption>\n</figure>\n");
    }

    /// <summary>An unordered (or ordered) list of escaped items.</summary>
    public void List(IEnumerable<string> items, bool ordered = false)
    {
        var tag = ordered ? "ol" : "ul";
        _html.Append('<').Append(tag).Append(">\n");
        foreach (var item in items) _html.Append("<li>").Append(Html.Escape(item)).Append("</li>\n");
        _html.Append("</").Append(tag).Append(">\n");
    }

    /// <summary>
    /// A table with a header row; wide tables scroll inside their box instead of stretching the page.
    /// <paramref name="rowClass"/> gives a CSS class per row index (e.g. "best"), or null.
    /// </summary>
    public void Table(IReadOnlyList<Cell> headers, IEnumerable<IReadOnlyList<Cell>> rows, string? cssClass = null, Func<int, string?>? rowClass = null)
    {
        _html.Append("<div class=\"table-wrap\"><table").Append(cssClass is null ? "" : $" class=\"{cssClass}\"").Append(">\n<thead><tr>");
        foreach (var h in headers) AppendCell("th", h);
        _html.Append("</tr></thead>\n<tbody>\n");
        var index = 0;
        foreach (var row in rows)
        {
            var rc = rowClass?.Invoke(index++);
            _html.Append(rc is null ? "<tr>" : $"<tr class=\"{rc}\">");
            foreach (var c in row) AppendCell("td", c);
            _html.Append("</tr>\n");
        }
        _html.Append("</tbody>\n</table></div>\n");
    }

    /// <summary>Key figures shown as tiles (label above, value large).</summary>
    public void Tiles(IEnumerable<(string Label, string Value)> tiles)
    {
        _html.Append("<div class=\"tiles\">\n");
        foreach (var (label, value) in tiles)
            _html.Append("<div class=\"tile\"><div class=\"tile-label\">").Append(Html.Escape(label))
                .Append("</div><div class=\"tile-value\">").Append(Html.Escape(value)).Append("</div></div>\n");
        _html.Append("</div>\n");
    }

    public override string ToString() => _html.ToString();

    private void AppendCell(string tag, Cell cell)
    {
        var classes = (cell.Numeric ? "num" : "") + (cell.Class is null ? "" : (cell.Numeric ? " " : "") + cell.Class);
        _html.Append('<').Append(tag);
        if (classes.Length > 0) _html.Append(" class=\"").Append(classes).Append('"');
        _html.Append('>');
        if (cell.Bar is { } share && double.IsFinite(share))
            _html.Append("<span class=\"bar\" style=\"width:").Append(Format.Fixed(Math.Clamp(share, 0, 1) * 100, 1)).Append("%\"></span>");
        _html.Append(Html.Escape(cell.Text)).Append("</").Append(tag).Append('>');
    }
}
