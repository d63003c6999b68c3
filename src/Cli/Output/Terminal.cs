using Spectre.Console;

namespace Pipelines.Cli.Output;

/// <summary>
/// Where the CLI prints: rich (colours, live progress) on an interactive terminal, plain text when output is
/// redirected or CI=true, so logs stay readable.
/// </summary>
public sealed class Terminal
{
    private Terminal(IAnsiConsole console, bool rich)
    {
        Console = console;
        IsRich = rich;
    }

    public IAnsiConsole Console { get; }

    /// <summary>True on an interactive terminal outside CI.</summary>
    public bool IsRich { get; }

    /// <summary>Table border suited to the mode: rounded boxes on a terminal, ASCII in logs.</summary>
    public TableBorder Border => IsRich ? TableBorder.Rounded : TableBorder.Ascii;

    public static Terminal Create(TextWriter output)
    {
        var interactive = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive) console.Profile.Width = 160;
        return new Terminal(console, interactive);
    }
}
