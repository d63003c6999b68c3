using System.CommandLine;

namespace Pipelines.Cli.Commands;

/// <summary>`--ignore COLUMN,...`: columns the model leaves out, shared by the commands that learn from a file.</summary>
internal static class IgnoreOption
{
    public static Option<string?> Create() => new("--ignore")
    {
        Description = "Columns to leave out, comma-separated (an identifier, a column known only after the outcome): the model neither reads nor needs them.",
    };

    /// <summary>The names given, or null for none.</summary>
    public static IReadOnlyList<string>? Value(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is { } columns ? [.. columns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)] : null;
}
