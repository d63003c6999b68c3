using System.CommandLine;
using Pipelines.Cli.Output;
using Pipelines.Errors;
using Pipelines.Export.Serving;
using Pipelines.IO;

namespace Pipelines.Cli.Commands;

/// <summary>
/// `pipelines predict MODEL FILE --out predictions.csv [--label L] [--device cpu|cuda[:N]]`: scores a CSV file with an ONNX
/// model (in ONNX Runtime, on the device) or a pipeline file (in process) and writes the predictions in the file's row order.
/// </summary>
internal static class PredictCommand
{
    public static Command Create(Terminal terminal)
    {
        var model = new Argument<FileInfo>("model") { Description = "An ONNX model (.onnx, from 'pipelines export') or a fitted pipeline file." };
        var file = new Argument<FileInfo>("file") { Description = "CSV or TSV file (optionally .gz), or an Excel workbook (its first sheet, or --sheet), with the columns the model reads." };
        var output = new Option<FileInfo>("--out", "-o") { Description = "Where to write the predictions (CSV).", Required = true };
        var label = new Option<string?>("--label", "-l") { Description = "A label column in FILE, ignored when predicting." };
        var sheet = SheetOption.Create();
        var device = DeviceOption.Create("Where ONNX Runtime runs an .onnx model: cpu, cuda or cuda:N (needs the CUDA build, see docs/onnxruntime.md).");
        var command = new Command("predict", "Predict every row of a CSV file: the predicted label and one probability per class, or the score.")
        {
            model, file, output, label, sheet, device,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(model).FullName;
            using var scorer = ModelScorer.Open(path, DeviceOption.Value(parse, device));
            var dataPath = parse.GetRequiredValue(file).FullName;
            InputFile.Check(dataPath, "Pass the CSV file of rows to predict");
            var notes = new List<string>();
            var data = ModelInputCsv.Read(dataPath, scorer.Inputs, parse.GetValue(label), notes, parse.GetValue(sheet));
            foreach (var note in notes) terminal.Console.Profile.Out.Writer.WriteLine($"read: {note}");
            if (data.RowCount == 0) throw new DataFormatException(dataPath, 1, null, null, "the file has a header but no rows", "Give it the rows to predict");
            var predictions = scorer.Predict(data);
            var outputPath = parse.GetRequiredValue(output).FullName;
            // Like automl's --out, a missing folder is created.
            if (Path.GetDirectoryName(outputPath) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
            CsvWriter.Write(predictions, outputPath);
            terminal.Console.Profile.Out.Writer.WriteLine($"Wrote {predictions.RowCount:N0} predictions ({string.Join(", ", predictions.Names)}) to {outputPath}.");
            return CliApp.Ok;
        });
        return command;
    }
}
