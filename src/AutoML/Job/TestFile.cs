using Pipelines.AutoML.Experiments;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.IO;

namespace Pipelines.AutoML.Job;

/// <summary>
/// The user's test file (<c>--test FILE</c>): read with the data file's columns and kinds (extra columns are ignored),
/// and its label checked against the classes the model knows. Every problem is one error naming the file, line, column
/// and value, and what to do.
/// </summary>
internal sealed record TestFile(string Path, DataFrame Frame, ExperimentTarget Target)
{
    /// <summary>
    /// Reads <paramref name="path"/> as test rows of <paramref name="data"/> (label set; <paramref name="dataName"/> is
    /// how errors name it: its file name, and its sheet where one was named), scored against <paramref name="target"/>, read by the <paramref name="conventions"/> the data was written in (date
    /// orders, units), at worksheet <paramref name="sheet"/> where it is a workbook (null: its first);
    /// <paramref name="notes"/> receives what reading did beyond plain reading (see
    /// <see cref="CsvReader.Read(string, CsvOptions?, ICollection{string}?, ColumnConventions?)"/>). Its categories that
    /// the data does not hold are told once the model is known (only the columns it reads matter).
    /// </summary>
    public static TestFile Read(
        string path, DataFrame data, string dataName, ExperimentTarget target, ColumnConventions? conventions = null, ICollection<string>? notes = null,
        string? sheet = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(target);
        var name = System.IO.Path.GetFileName(path);
        if (!File.Exists(path)) throw new PipelineException($"{path}: no such test file. Pass --test a CSV file with the columns of {dataName}, label included.");
        var read = new List<string>();
        var inferred = CsvReader.Read(path, new CsvOptions { Conventions = conventions, Sheet = sheet }, read);
        foreach (var column in data.Schema.Columns)
        {
            if (!inferred.Contains(column.Name))
                throw new DataFormatException(WorkbookText.DisplayName(path, sheet), 1, column.Name, null,
                    $"the test file has no column '{column.Name}', which {dataName} has",
                    $"Give the test file every column of {dataName} (the label '{data.LabelName}' included; extra columns are ignored)" +
                    (sheet is null && WorkbookText.FirstOfSeveral(path, "--test-sheet on the command line, AutoMLJobOptions.TestSheet in code") is { } sheets ? ". " + sheets.TrimEnd('.') : ""));
        }
        // Only the columns read otherwise than in the data are declared (a date's parts are no header names to declare);
        // the test file's other columns are left out after the read.
        var kinds = data.Schema.Columns.Where(c => inferred[c.Name].Kind != c.Kind).ToDictionary(c => c.Name, c => c.Kind, StringComparer.Ordinal);
        var wanted = data.Schema.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        DataFrame frame;
        try
        {
            if (kinds.Count == 0)
            {
                frame = inferred.WithLabel(data.LabelName);
            }
            else
            {
                read.Clear();
                frame = CsvReader.Read(path, new CsvOptions { Label = data.LabelName, ColumnKinds = kinds, Conventions = conventions, Sheet = sheet }, read);
            }
            frame = frame.Without(frame.Names.Where(n => !wanted.Contains(n)));
        }
        catch (DataFormatException e) when (e.Column is { } column && e.Value is not null && kinds.GetValueOrDefault(column) == ColumnKind.Numeric)
        {
            var written = conventions?.Units.GetValueOrDefault(column) is { } unit ? $", written in '{unit}'" : "";
            throw new DataFormatException(e.File, e.Line, column, e.Value,
                $"this value is not a number, but '{column}' is numeric in {dataName}{written}", "Fix the value, or leave the cell empty for a missing value");
        }
        if (frame.RowCount == 0) throw new DataFormatException(WorkbookText.DisplayName(path, sheet), 0, null, null, "the test file has a header but no rows", "Give it the rows to measure the model on");
        foreach (var note in read) notes?.Add(note);
        return new TestFile(path, frame, TargetOf(path, sheet, frame, target, dataName));
    }

    /// <summary>The line of test row <paramref name="row"/>, as the reader counts lines (<see cref="CsvReader.LineOf"/>).</summary>
    private static long LineOf(string path, string? sheet, int row) => CsvReader.LineOf(path, row, new CsvOptions { Sheet = sheet });

    private static ExperimentTarget TargetOf(string path, string? sheet, DataFrame frame, ExperimentTarget target, string dataName)
    {
        var label = frame.Label!;
        for (var row = 0; row < frame.RowCount; row++)
        {
            var value = label.IsMissing(row) ? null : label is NumericColumn n ? n[row].ToString(System.Globalization.CultureInfo.InvariantCulture) : label.FormatValue(row);
            if (value is null)
                throw new DataFormatException(WorkbookText.DisplayName(path, sheet), LineOf(path, sheet, row), frame.LabelName, "", "the label is missing", "Give every test row its label, or drop the rows without one");
            if (target.IsClassification && !target.Classes.Contains(value, StringComparer.Ordinal))
                throw new DataFormatException(WorkbookText.DisplayName(path, sheet), LineOf(path, sheet, row), frame.LabelName, value,
                    $"this class does not occur in {dataName}, so the model cannot predict it (classes: {string.Join(", ", target.Classes)})",
                    "Fix the label, or drop the rows of classes the data does not have");
        }
        return target.ForRows(frame);
    }
}
