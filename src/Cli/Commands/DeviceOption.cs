using System.CommandLine;
using Pipelines.Errors;
using Pipelines.Export.Serving;

namespace Pipelines.Cli.Commands;

/// <summary>`--device cpu|cuda[:N]`: where ONNX Runtime runs, shared by the commands that run ONNX models.</summary>
internal static class DeviceOption
{
    public static Option<string> Create(string description) =>
        new("--device") { Description = description, DefaultValueFactory = _ => "cpu", HelpName = "cpu|cuda[:N]" };

    /// <summary>The parsed device; a value that is not one is a one-line error naming the option.</summary>
    public static OnnxDevice Value(ParseResult parse, Option<string> option)
    {
        var text = parse.GetRequiredValue(option);
        try
        {
            return OnnxDevice.Parse(text);
        }
        catch (PipelineException e)
        {
            throw new PipelineException($"--device: {e.Message}", e);
        }
    }
}
