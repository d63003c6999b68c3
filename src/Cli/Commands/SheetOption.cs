using System.CommandLine;

namespace Pipelines.Cli.Commands;

/// <summary>The options that name a worksheet of an Excel workbook given as a data file (<see cref="IO.CsvOptions.Sheet"/>).</summary>
internal static class SheetOption
{
    /// <summary>An option <paramref name="name"/> naming the sheet of the file <paramref name="of"/> describes.</summary>
    public static Option<string?> Create(string name = "--sheet", string of = "FILE") => new(name)
    {
        Description = $"The worksheet to read, by name, when {of} is an Excel workbook (default: its first sheet).",
    };
}
