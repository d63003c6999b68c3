using System.CommandLine;
using Pipelines.Cli.Output;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Export.Onnx;
using Pipelines.Export.Quantization;
using Pipelines.Export.Serving;
using Pipelines.Persistence;

namespace Pipelines.Cli.Commands;

/// <summary>
/// `pipelines export PIPELINE --out model.onnx [--quantize int8|qdq|fp16] [--calibration FILE]`: writes a saved
/// pipeline as one ONNX graph, optionally quantized.
/// </summary>
internal static class ExportCommand
{
    private static readonly Dictionary<string, QuantizationMode> Modes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["int8"] = QuantizationMode.DynamicInt8,
        ["qdq"] = QuantizationMode.StaticQdq,
        ["fp16"] = QuantizationMode.Float16,
    };

    public static Command Create(Terminal terminal)
    {
        var pipeline = new Argument<FileInfo>("pipeline") { Description = "A fitted pipeline file (written by PipelineFile.Save or 'pipelines')." };
        var output = new Option<FileInfo>("--out", "-o") { Description = "The ONNX model to write.", Required = true };
        var quantize = new Option<string?>("--quantize", "-q")
        {
            Description = "int8: dynamic int8 weights; qdq: static int8 with calibration rows; fp16: half-precision weights. Tree ensembles stay float.",
        };
        quantize.AcceptOnlyFromAmong([.. Modes.Keys]);
        var calibration = new Option<FileInfo?>("--calibration") { Description = "CSV rows to measure activation ranges for --quantize qdq." };
        var command = new Command("export", "Write a fitted pipeline (preprocessing and learner) as one ONNX model for ONNX Runtime.")
        {
            pipeline, output, quantize, calibration,
        };
        command.SetAction(parse =>
        {
            var mode = parse.GetValue(quantize) is { } name ? Modes[name] : (QuantizationMode?)null;
            var calibrationFile = parse.GetValue(calibration);
            if (mode == QuantizationMode.StaticQdq && calibrationFile is null)
                throw new PipelineException("--quantize qdq needs --calibration FILE: a CSV of typical input rows to measure activation ranges.");
            var saved = PipelineFile.Load(parse.GetRequiredValue(pipeline).FullName);
            var model = OnnxExporter.Export(saved.Model, saved.InputSchema, new OnnxExportOptions(Description: saved.Description));
            var writer = terminal.Console.Profile.Out.Writer;
            if (mode is { } chosen)
            {
                var rows = calibrationFile is null ? null : ReadCalibration(calibrationFile.FullName, saved.InputSchema);
                var result = OnnxQuantizer.Quantize(model, chosen, rows);
                model = result.Model;
                writer.WriteLine(result.Report.ToString());
            }
            var path = parse.GetRequiredValue(output).FullName;
            OnnxModel.Save(model, path);
            writer.WriteLine(
                $"Wrote {path}: {model.Graph.Node.Count} nodes, inputs {string.Join(", ", model.Graph.Input.Select(i => i.Name))}; " +
                $"outputs {string.Join(", ", model.Graph.Output.Select(o => o.Name))}.");
            return CliApp.Ok;
        });
        return command;
    }

    private static DataFrame ReadCalibration(string path, DataSchema inputSchema) =>
        ModelInputCsv.Read(path, [.. inputSchema.Features], inputSchema.Label?.Name);
}
