using Pipelines.AutoML.Reporting.Svg;

namespace Pipelines.AutoML.Reporting.Sections;

/// <summary>The final model's confusion matrix on the evaluated rows, as a heat map shaded by share of the actual class.</summary>
internal static class ConfusionSection
{
    public static void Write(HtmlWriter html, ConfusionMatrixData matrix, string? rows)
    {
        ArgumentNullException.ThrowIfNull(matrix.Classes);
        ArgumentNullException.ThrowIfNull(matrix.Counts);
        var n = matrix.Classes.Count;
        if (matrix.Counts.GetLength(0) != n || matrix.Counts.GetLength(1) != n)
            throw new ArgumentException(
                $"The confusion matrix holds {matrix.Counts.GetLength(0)} x {matrix.Counts.GetLength(1)} counts for {n} classes; " +
                "give one row (actual) and one column (predicted) per class.", nameof(matrix));
        if (n == 0)
        {
            html.Paragraph("The confusion matrix has no classes.", "note");
            return;
        }
        long total = 0, correct = 0;
        for (var a = 0; a < n; a++)
        {
            for (var p = 0; p < n; p++) total += matrix.Counts[a, p];
            correct += matrix.Counts[a, a];
        }
        var source = rows is null ? "" : $" Rows: {rows}.";
        html.Paragraph($"{Format.Count(correct)} of {Format.Count(total)} {(rows is null ? "test " : "")}rows classified correctly " +
            $"(accuracy {Format.Score(total == 0 ? double.NaN : (double)correct / total)}).{source}", "lead");
        var chart = Heatmap.Render("confusion-matrix", rows is null ? "Confusion matrix on the test rows" : "Confusion matrix", matrix.Classes, matrix.Counts, "actual class", "predicted class");
        html.Figure(chart, "Rows are actual classes, columns predicted ones; a cell's shade is its share of the actual class, so the diagonal reads as recall.");
    }
}
