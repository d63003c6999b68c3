using System.Globalization;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.IO;

namespace Pipelines.AutoML.Job;

/// <summary>
/// What the job checks in the data file before any work, so a problem is one error naming the file, line, column and
/// value rather than a failure deep in a trial: rows under the header, every row labelled, enough rows and classes to
/// cross-validate, column and class names of a sane length, text that is UTF-8 in names and categories, and finite numbers (an infinite value, written as
/// <c>inf</c> or too large for a float, would otherwise reach the imputers and learners; a missing value is an empty cell).
/// </summary>
internal static class DataFileChecks
{
    /// <summary>Fewest rows the job learns from: five folds of two rows.</summary>
    public const int MinRows = 10;

    /// <summary>
    /// Longest class name the job accepts: the model, its ONNX graph, metrics.json and the report all carry every class
    /// name, and one longer than this is a text column or a quote left open rather than a class.
    /// </summary>
    public const int MaxClassNameLength = 1_000;

    /// <summary>
    /// Longest column name the job accepts: names become the ONNX graph's inputs and appear in the report, and one longer
    /// than this is a header run into the rows by a quote left open.
    /// </summary>
    public const int MaxColumnNameLength = 1_000;

    /// <summary>How many line numbers an error lists.</summary>
    private const int LinesShown = 5;

    /// <summary>
    /// Throws <see cref="DataFormatException"/> for the first problem in <paramref name="frame"/>, read from
    /// <paramref name="path"/> (its worksheet <paramref name="sheet"/> where it is a workbook) with its label set.
    /// </summary>
    public static void Check(string path, string? sheet, DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var label = frame.Label ?? throw new ArgumentException("The frame needs its label set.", nameof(frame));
        if (frame.RowCount == 0) throw new DataFormatException(WorkbookText.DisplayName(path, sheet), 1, null, null, "the file has a header but no rows", "Give it the rows to learn from");
        if (frame.Columns.FirstOrDefault(c => c.Name.Length > MaxColumnNameLength) is { } longName)
            throw new DataFormatException(WorkbookText.DisplayName(path, sheet), 1, longName.Name, null,
                Invariant($"this column name is {longName.Name.Length:N0} characters long, more than the {MaxColumnNameLength:N0} a column name may have"),
                "Check the header line and its quotes: a quote left open runs the header into the rows");

        var unlabelled = Enumerable.Range(0, frame.RowCount).Where(label.IsMissing).ToArray();
        if (unlabelled.Length > 0)
        {
            var lines = unlabelled.Take(LinesShown).Select(r => LineOf(path, sheet, r).ToString(CultureInfo.InvariantCulture));
            var more = unlabelled.Length > LinesShown ? ", …" : "";
            throw new DataFormatException(WorkbookText.DisplayName(path, sheet), LineOf(path, sheet, unlabelled[0]), frame.LabelName, "",
                Invariant($"the label is missing on {unlabelled.Length:N0} of {frame.RowCount:N0} rows (lines {string.Join(", ", lines)}{more})"),
                "Fill in the label, or drop the rows without one");
        }
        if (frame.RowCount < MinRows)
            throw new DataFormatException(WorkbookText.DisplayName(path, sheet), 0, null, null, Invariant($"the file has {frame.RowCount} rows, too few to cross-validate a model"), Invariant($"Give it at least {MinRows} rows"));

        if (label is CategoricalColumn classes)
        {
            var counts = classes.CountPerCategory();
            var present = Enumerable.Range(0, counts.Length).Where(c => counts[c] > 0).ToArray();
            if (present.Length < 2)
                throw new DataFormatException(WorkbookText.DisplayName(path, sheet), 0, frame.LabelName, null,
                    Invariant($"the label has one class ('{classes.Categories[present[0]]}') in all {frame.RowCount:N0} rows; there is nothing to tell apart"),
                    "Check the label column: a classification label needs two classes or more");
            var tooLong = present.FirstOrDefault(c => classes.Categories[c].Length > MaxClassNameLength, -1);
            if (tooLong >= 0)
                throw new DataFormatException(WorkbookText.DisplayName(path, sheet), LineOf(path, sheet, classes.Codes.IndexOf(tooLong)), frame.LabelName, classes.Categories[tooLong],
                    Invariant($"this class name is {classes.Categories[tooLong].Length:N0} characters long, more than the {MaxClassNameLength:N0} a class name may have"),
                    "Check the label column and the quotes on this line: a label is a short class name or a number");
            if (present.Count(c => counts[c] >= 2) < 2)
                throw new DataFormatException(WorkbookText.DisplayName(path, sheet), 0, frame.LabelName, null,
                    Invariant($"only one class has two rows or more ({string.Join(", ", present.Select(c => $"'{classes.Categories[c]}' {counts[c]}"))}), so some folds would train on one class"),
                    "Give at least two classes two rows or more each");
        }

        NotUtf8(path, sheet, frame);
        foreach (var column in frame.Columns.OfType<NumericColumn>())
        {
            var values = column.Values;
            for (var row = 0; row < values.Length; row++)
            {
                if (!float.IsInfinity(values[row])) continue;
                throw new DataFormatException(WorkbookText.DisplayName(path, sheet), LineOf(path, sheet, row), column.Name, values[row] > 0 ? "+infinity" : "-infinity",
                    "the value is infinite (written as inf, or too large for a 32-bit float), which no model can learn from",
                    "Give a finite number, or leave the cell empty for a missing value");
            }
        }
    }

    /// <summary>The line of data row <paramref name="row"/>, as the reader counts lines (<see cref="CsvReader.LineOf"/>).</summary>
    private static long LineOf(string path, string? sheet, int row) => CsvReader.LineOf(path, row, new CsvOptions { Sheet = sheet });

    /// <summary>
    /// Throws for a column name or a category holding U+FFFD: the reader puts it where the bytes are not UTF-8 (so free
    /// text still loads), but in a name or a category it would silently become a value the user never wrote.
    /// </summary>
    private static void NotUtf8(string path, string? sheet, DataFrame frame)
    {
        const char Replacement = '\uFFFD';
        const string Fix = "Save the file as UTF-8 (for example with iconv -f latin1 -t utf-8)";
        foreach (var column in frame.Columns)
        {
            if (column.Name.Contains(Replacement, StringComparison.Ordinal))
                throw new DataFormatException(WorkbookText.DisplayName(path, sheet), 1, column.Name, null, "the column name holds bytes that are not UTF-8 (shown as \uFFFD)", Fix);
            if (column is not CategoricalColumn categorical) continue;
            var bad = Enumerable.Range(0, categorical.Categories.Count).FirstOrDefault(c => categorical.Categories[c].Contains(Replacement, StringComparison.Ordinal), -1);
            if (bad < 0) continue;
            var row = categorical.Codes.IndexOf(bad);
            throw new DataFormatException(WorkbookText.DisplayName(path, sheet), LineOf(path, sheet, row), column.Name, categorical.Categories[bad], "the value holds bytes that are not UTF-8 (shown as \uFFFD)", Fix);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
