namespace Pipelines.Errors;

/// <summary>
/// Base of every error this library raises on purpose. The message always says what was wrong
/// and what to do about it, so callers (and the CLI) can show it as it is.
/// </summary>
public class PipelineException : Exception
{
    public PipelineException(string message) : base(message) { }
    public PipelineException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>Input data that cannot be read: names the file, line, column and value.</summary>
public sealed class DataFormatException : PipelineException
{
    public DataFormatException(string file, long line, string? column, string? value, string problem, string? fix = null)
        : base(Compose(file, line, column, value, problem, fix))
    {
        File = file;
        Line = line;
        Column = column;
        Value = value;
    }

    public string File { get; }
    /// <summary>1-based line number in the file (physical line, so quoted newlines count).</summary>
    public long Line { get; }
    public string? Column { get; }
    public string? Value { get; }

    private static string Compose(string file, long line, string? column, string? value, string problem, string? fix)
    {
        var where = line > 0 ? $"{file}:{line}" : file;
        if (column is not null) where += $", column '{Shorten(column, 100)}'";
        if (value is not null) where += $", value '{Shorten(value, 60)}'";
        return fix is null ? $"{where}: {problem}" : $"{where}: {problem}. {fix}";
    }

    // A name or value from the file can be megabytes (a quote left open); the message shows its start.
    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 3)] + "...";
}

/// <summary>A frame does not have the columns (or kinds of column) a step needs.</summary>
public sealed class SchemaException(string message) : PipelineException(message);

/// <summary>A value the step cannot handle (NaN where none is allowed, a label with one class, ...).</summary>
public sealed class DataValueException(string message) : PipelineException(message);

/// <summary>A saved model file that cannot be loaded: corrupted, truncated, or from another format version.</summary>
public sealed class ModelFormatException : PipelineException
{
    public ModelFormatException(string message) : base(message) { }
    public ModelFormatException(string message, Exception inner) : base(message, inner) { }
}
