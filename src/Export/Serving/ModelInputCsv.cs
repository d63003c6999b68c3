using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.IO;

namespace Pipelines.Export.Serving;

/// <summary>Reads a CSV file to score with a model: every column the model reads must be there, with the kind the model reads it as.</summary>
public static class ModelInputCsv
{
    /// <summary>
    /// Reads <paramref name="path"/> with inferred column kinds, checks that each of <paramref name="inputs"/> is a column
    /// (a missing one is a <see cref="SchemaException"/> naming it and the model's inputs), and reads again with the
    /// inputs' kinds declared when inference chose another kind for any of them (a category of digits, say).
    /// </summary>
    /// <param name="path">CSV or TSV file, optionally .gz, or an Excel workbook (its first sheet).</param>
    /// <param name="inputs">The columns the model reads, with their kinds.</param>
    /// <param name="label">A column to treat as the label (not a feature), or null.</param>
    /// <param name="sheet">The worksheet to read where <paramref name="path"/> is a workbook; null for its first.</param>
    /// <param name="notes">Receives what reading did beyond plain reading (see <see cref="CsvReader.Read(string, CsvOptions?, ICollection{string}?, ColumnConventions?)"/>), or null.</param>
    public static DataFrame Read(string path, IReadOnlyList<ColumnSchema> inputs, string? label = null, ICollection<string>? notes = null, string? sheet = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        // Predictions are written row for row beside the file, so a row of empty fields is a row to score, not one to
        // skip; dates written as three numbers and numbers with a unit are read as the model's training rows were written.
        var conventions = ColumnConventions.Of(inputs);
        var options = new CsvOptions { Label = label, SkipEmptyRows = false, Conventions = conventions, Sheet = sheet };
        var read = new List<string>();
        var frame = CsvReader.Read(path, options, read);
        // A model that reads a column of dates as it is (fitted before dates were read as their parts, or with
        // CsvOptions.DateParts off) gets the column as it is.
        if (inputs.Any(i => !frame.Contains(i.Name) && frame.Columns.Any(c => CsvOptions.DateColumnOf(c.Name) == i.Name)))
        {
            options = options with { DateParts = false };
            read.Clear();
            frame = CsvReader.Read(path, options, read);
        }
        frame = WithoutDates(frame, inputs);
        foreach (var input in inputs)
        {
            if (!frame.Contains(input.Name) && CsvOptions.DateColumnOf(input.Name) is { } date && frame.Contains(date))
                throw new SchemaException(
                    $"{Path.GetFileName(path)}: the model reads '{input.Name}', a part of the dates in column '{date}', but not every " +
                    $"value of '{date}' here is {Written(inputs, date, conventions.DateOrders.TryGetValue(date, out var order) ? order : null)}. " +
                    "Fix those values, or leave them empty.");
            if (!frame.Contains(input.Name))
                throw new SchemaException(
                    $"{Path.GetFileName(path)}: no column '{input.Name}', which the model reads. The model reads: " +
                    $"{string.Join(", ", inputs.Select(i => $"'{i.Name}'"))}. Add the column (empty cells count as missing)." +
                    (sheet is null && WorkbookText.FirstOfSeveral(path, "--sheet on the command line, ModelInputCsv.Read's sheet in code") is { } sheets ? " " + sheets : ""));
        }
        if (inputs.All(i => frame[i.Name].Kind == i.Kind))
        {
            foreach (var note in read.Concat(UnseenCategories(frame, inputs))) notes?.Add(note);
            return frame;
        }
        // Only the columns read otherwise are declared: a date's parts are no header names to declare.
        var kinds = inputs.Where(i => i.Name != label && frame[i.Name].Kind != i.Kind).ToDictionary(i => i.Name, i => i.Kind, StringComparer.Ordinal);
        try
        {
            var declared = WithoutDates(CsvReader.Read(path, options with { ColumnKinds = kinds }, notes), inputs);
            foreach (var note in UnseenCategories(declared, inputs)) notes?.Add(note);
            return declared;
        }
        catch (DataFormatException e) when (e.Column is { } column && e.Value is not null && kinds.GetValueOrDefault(column) == ColumnKind.Numeric)
        {
            // The reader's fix names its options; here the kinds are the model's, so the value is what can change.
            if (conventions.Units.TryGetValue(column, out var unit))
                throw new DataFormatException(e.File, e.Line, column, e.Value,
                    $"this value is not a number in '{unit}', the unit of '{column}' in the rows the model was fitted on",
                    $"Write the number in {unit} (with or without the unit), or leave the cell empty for a missing value");
            throw new DataFormatException(e.File, e.Line, column, e.Value,
                $"this value is not a number, but the model reads '{column}' as numbers", "Fix the value, or leave the cell empty for a missing value");
        }
    }

    /// <summary>
    /// A note for each categorical input of <paramref name="inputs"/> whose values in <paramref name="rows"/> include
    /// categories that the model's training rows did not hold (<see cref="ColumnSchema.Categories"/>, where the model
    /// keeps them), naming them and their rows: the model scores those rows through its encoders' fallback for a category
    /// they never saw, which a user should know before trusting their predictions or a test figure.
    /// </summary>
    public static IEnumerable<string> UnseenCategories(DataFrame rows, IReadOnlyList<ColumnSchema> inputs)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (var input in inputs)
        {
            if (input.Categories is not { } known || !rows.Contains(input.Name) || rows[input.Name] is not CategoricalColumn column) continue;
            var seen = known.ToHashSet(StringComparer.Ordinal);
            var counts = column.CountPerCategory();
            var unseen = column.Categories.Select((name, i) => (Name: name, Rows: counts[i])).Where(c => c.Rows > 0 && !seen.Contains(c.Name))
                .OrderByDescending(c => c.Rows).ToList();
            if (unseen.Count == 0) continue;
            var named = string.Join(", ", unseen.Take(MaxUnseenNamed).Select(c => $"'{c.Name}' ({Count(c.Rows)})")) + (unseen.Count > MaxUnseenNamed ? ", ..." : "");
            var total = unseen.Sum(c => c.Rows);
            yield return $"'{input.Name}' holds {(unseen.Count == 1 ? "a category" : $"{Count(unseen.Count)} categories")} that the rows the model was fitted on " +
                $"did not ({named}): the model scores {(total == 1 ? "that row" : $"those {Count(total)} rows")} as it scores a category it never saw";
        }
    }

    private const int MaxUnseenNamed = 5;

    private static string Count(int n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How the model's training rows wrote a date column's dates (a time of day or a duration where the model reads only its hour), for an error.</summary>
    private static string Written(IReadOnlyList<ColumnSchema> inputs, string date, DateOrder? order)
    {
        // A column of clock times alone or of durations becomes only its hour part (CsvOptions.DateParts).
        if (inputs.All(i => CsvOptions.DateColumnOf(i.Name) != date || i.Name == date + ".hour")) return "a time of day or a duration (13:05, 1:05 PM, 36:15:00)";
        return order is { } written
            ? $"a date written {ColumnConventions.Describe(written)} as in the rows the model was fitted on, optionally with a time"
            : "a date in year-month-day order (2024-01-31) or with its month's name (31 Jan 2024), optionally with a time";
    }

    /// <summary>
    /// A column of dates with no date among these rows (each empty, or a word such as <c>unknown</c>, as a column of dates
    /// can hold) reads as neither dates nor their parts: its parts the model reads are then missing on every row.
    /// </summary>
    private static DataFrame WithoutDates(DataFrame frame, IReadOnlyList<ColumnSchema> inputs)
    {
        var parts = inputs.Where(i => !frame.Contains(i.Name) && CsvOptions.DateColumnOf(i.Name) is { } date && frame.Contains(date)
            && NoDate(frame[date])).ToList();
        if (parts.Count == 0) return frame;
        return frame.With(parts.Select(p => new NumericColumn(p.Name, Enumerable.Repeat(float.NaN, frame.RowCount).ToArray())));
    }

    /// <summary>Whether every value of <paramref name="column"/> is missing or a word without a digit.</summary>
    private static bool NoDate(Column column) => column switch
    {
        CategoricalColumn categorical => categorical.Categories.All(c => !c.AsSpan().ContainsAnyInRange('0', '9')),
        _ => column.MissingCount() == column.Length,
    };
}
