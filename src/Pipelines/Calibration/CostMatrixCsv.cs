using System.Globalization;
using Pipelines.Errors;
using Pipelines.IO;

namespace Pipelines.Calibration;

/// <summary>The CSV parser behind <see cref="CostMatrix.Read"/>: RFC 4180 fields, errors with file, line, column and value.</summary>
internal static class CostMatrixCsv
{
    private const string Layout = "Write a header row 'actual\\predicted,<class>,<class>,...' and one row '<actual class>,<cost>,<cost>,...' per class.";

    public static CostMatrix Read(string path, IReadOnlyList<string> classes)
    {
        var k = classes.Count;
        using var tokenizer = new CsvTokenizer(new StreamReader(path), path, trim: true);
        if (!tokenizer.ReadRecord()) throw new DataFormatException(path, 1, null, null, "the cost matrix file is empty", Layout);

        // Header: which class each column predicts.
        var headerLine = tokenizer.RecordLine;
        var cornerName = tokenizer.Field(0).ToString();
        var columnClass = new int[tokenizer.FieldCount];
        var columnNames = new string[tokenizer.FieldCount];
        columnNames[0] = cornerName;
        var seenColumns = new bool[k];
        for (var f = 1; f < tokenizer.FieldCount; f++)
        {
            var name = tokenizer.Field(f).ToString();
            columnNames[f] = name;
            columnClass[f] = Known(path, tokenizer.FieldLine(f), null, name, classes, "column");
            if (seenColumns[columnClass[f]])
                throw new DataFormatException(path, tokenizer.FieldLine(f), null, name, $"class '{name}' heads two columns", "Give each predicted class one column.");
            seenColumns[columnClass[f]] = true;
        }
        MissingClass(path, headerLine, seenColumns, classes, "column");

        var costs = new double[k, k];
        var seenRows = new bool[k];
        while (tokenizer.ReadRecord())
        {
            var line = tokenizer.RecordLine;
            if (tokenizer.FieldCount != columnNames.Length)
                throw new DataFormatException(path, line, null, null,
                    $"the row has {tokenizer.FieldCount} fields but the header has {columnNames.Length}", Layout);
            var name = tokenizer.Field(0).ToString();
            var actual = Known(path, line, cornerName, name, classes, "row");
            if (seenRows[actual])
                throw new DataFormatException(path, line, cornerName, name, $"class '{name}' has two rows", "Give each actual class one row.");
            seenRows[actual] = true;
            for (var f = 1; f < tokenizer.FieldCount; f++)
            {
                var text = tokenizer.Field(f);
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var cost) || !double.IsFinite(cost))
                    throw new DataFormatException(path, tokenizer.FieldLine(f), columnNames[f], text.ToString(),
                        "a cost must be a finite number", "Write costs as plain numbers such as 0, 1 or 2.5.");
                costs[actual, columnClass[f]] = cost;
            }
        }
        MissingClass(path, tokenizer.CurrentLine, seenRows, classes, "row");
        return new CostMatrix(classes, costs);
    }

    private static int Known(string path, long line, string? column, string name, IReadOnlyList<string> classes, string what)
    {
        for (var c = 0; c < classes.Count; c++) if (string.Equals(classes[c], name, StringComparison.Ordinal)) return c;
        throw new DataFormatException(path, line, column, name, $"the {what} names no class of the model",
            $"Use the model's classes: {string.Join(", ", classes.Select(c => $"'{c}'"))}.");
    }

    private static void MissingClass(string path, long line, bool[] seen, IReadOnlyList<string> classes, string what)
    {
        var missing = classes.Where((_, c) => !seen[c]).Select(c => $"'{c}'").ToList();
        if (missing.Count > 0)
            throw new DataFormatException(path, line, null, null, $"no {what} for class {string.Join(", ", missing)}",
                $"Every class of the model needs a {what}. " + Layout);
    }
}
