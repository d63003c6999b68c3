using System.CommandLine;
using Pipelines.Cli.Output;
using Pipelines.Export.Onnx;
using Pipelines.Persistence;

namespace Pipelines.Cli.Commands;

/// <summary>`pipelines export PIPELINE --out model.onnx`: writes a saved pipeline as one ONNX graph.</summary>
internal static class ExportCommand
{
    public static Command Create(Terminal terminal)
    {
        var pipeline = new Argument<FileInfo>("pipeline") { Description = "A fitted pipeline file (written by PipelineFile.Save or 'pipelines')." };
        var output = new Option<FileInfo>("--out", "-o") { Description = "The ONNX model to write.", Required = true };
        var command = new Command("export", "Write a fitted pipeline (preprocessing and learner) as one ONNX model for ONNX Runtime.")
        {
            pipeline, output,
        };
        command.SetAction(parse =>
        {
            var saved = PipelineFile.Load(parse.GetRequiredValue(pipeline).FullName);
            var model = OnnxExporter.Export(saved.Model, saved.InputSchema, new OnnxExportOptions(Description: saved.Description));
            var path = parse.GetRequiredValue(output).FullName;
            OnnxModel.Save(model, path);
            terminal.Console.Profile.Out.Writer.WriteLine(
                $"Wrote {path}: {model.Graph.Node.Count} nodes, inputs {string.Join(", ", model.Graph.Input.Select(i => i.Name))}; " +
                $"outputs {string.Join(", ", model.Graph.Output.Select(o => o.Name))}.");
            return CliApp.Ok;
        });
        return command;
    }
}
