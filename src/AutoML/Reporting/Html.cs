using System.Text;

namespace Pipelines.AutoML.Reporting;

/// <summary>Escaping for text and attribute values of the report (and of its inline SVG).</summary>
internal static class Html
{
    /// <summary>
    /// Escapes &amp;, &lt;, &gt;, both quotes, so the result is safe both as element text and inside a quoted attribute.
    /// Control characters other than tab and newlines, which HTML does not allow, become U+FFFD.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        StringBuilder? escaped = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\t' or '\n' or '\r' => null,
                _ when char.IsControl(c) => "\uFFFD",
                _ => null,
            };
            if (replacement is null)
            {
                escaped?.Append(c);
                continue;
            }
            escaped ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            escaped.Append(replacement);
        }
        return escaped?.ToString() ?? text;
    }

    /// <summary>
    /// <paramref name="text"/> cut to <paramref name="maxChars"/> characters with an ellipsis, for axis labels that
    /// must fit (charts put the full text in a tooltip). Not escaped.
    /// </summary>
    public static string Shorten(string text, int maxChars) =>
        text.Length <= maxChars ? text : string.Concat(text.AsSpan(0, Math.Max(1, maxChars - 1)), "\u2026");
}
