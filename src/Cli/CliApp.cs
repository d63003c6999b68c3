using System.CommandLine;
using System.CommandLine.Help;
using Pipelines.Cli.Commands;
using Pipelines.Cli.Output;
using Pipelines.Errors;

namespace Pipelines.Cli;

/// <summary>
/// The `pipelines` command line: parses, calls the library, prints. Exit codes: 0 success,
/// 2 bad input or usage (one line on stderr), 1 an unexpected failure (with the exception for a bug report).
/// </summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;

    /// <summary>The command's name, as help and usage lines show it (the installed tool's name, not the assembly's).</summary>
    public const string Name = "pipelines";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var terminal = Terminal.Create(output);
        // A RootCommand is named after the executable (Pipelines.Cli); a plain command with the same options is named as the tool.
        var root = new Command(Name, "AutoML for hard tabular data: profile, clean, rebalance, search, export to ONNX.")
        {
            new HelpOption(),
            new VersionOption(),
            ProfileCommand.Create(terminal),
            AutoMLCommand.Create(terminal),
            SweepCommand.Create(terminal),
            ExportCommand.Create(terminal),
            PredictCommand.Create(terminal),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) error.WriteLine($"error: {e.Message}");
            error.WriteLine($"Run '{Name} --help' for usage.");
            return BadInput;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (PipelineException e)
        {
            error.WriteLine($"error: {OneLine(e.Message)}");
            return BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {OneLine(e.Message)}");
            return BadInput;
        }
#pragma warning disable CA1031 // the last resort: a bug gets a bug report, not a crash with exit 134
        catch (Exception e)
#pragma warning restore CA1031
        {
            error.WriteLine($"error: an unexpected failure ({e.GetType().Name}: {OneLine(e.Message)}). This is a bug; please report it with the details below.");
            error.WriteLine(e.ToString());
            return Failure;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
