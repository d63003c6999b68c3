using System.CommandLine;
using System.Text.Json;
using Pipelines.Cli.Output;
using Pipelines.Data;
using Pipelines.IO;
using Pipelines.Profiling;

namespace Pipelines.Cli.Commands;

/// <summary>`pipelines profile FILE [--label L]`: reads a CSV file and prints its data profile and suggested fixes.</summary>
internal static class ProfileCommand
{
    public static Command Create(Terminal terminal)
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV or TSV file (optionally .gz), or an Excel workbook (its first sheet, or --sheet)." };
        var label = new Option<string?>("--label", "-l") { Description = "The column to predict; adds the class balance." };
        var json = new Option<bool>("--json") { Description = "Print the profile as JSON instead of tables." };
        var sheet = SheetOption.Create();
        var command = new Command("profile", "Show column types, missing values, outliers, duplicates, class balance and suggested fixes.")
        {
            file, label, json, sheet,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(file).FullName;
            InputFile.Check(path, "Pass the CSV file to profile");
            var notes = new List<string>();
            var data = LabelTask.WithClassLabel(CsvReader.Read(path, new CsvOptions { Label = parse.GetValue(label), Sheet = parse.GetValue(sheet) }, notes));
            var profile = DataProfile.Compute(data);
            if (parse.GetValue(json))
            {
                terminal.Console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(profile, JsonOutput.Options));
            }
            else
            {
                foreach (var note in notes) terminal.Console.Profile.Out.Writer.WriteLine($"read: {note}");
                ProfileView.Render(terminal, Path.GetFileName(path), profile);
            }
            return CliApp.Ok;
        });
        return command;
    }
}
