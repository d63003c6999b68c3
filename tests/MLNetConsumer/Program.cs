// Usage: MLNetConsumer MODEL.zip INPUT.csv OUTPUT.csv
// Loads the ML.NET model with mlContext.Model.Load, reads the CSV's columns that the model's saved input schema names
// (numbers as Single, the rest as text; empty fields are missing), transforms every row and writes one line per row:
// the predicted label and each class probability (classifier), or the score (regressor), in round-trip format.
using System.Globalization;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: MLNetConsumer MODEL.zip INPUT.csv OUTPUT.csv");
    return 2;
}
var mlContext = new MLContext();
var model = mlContext.Model.Load(args[0], out var inputSchema);
var header = Csv.SplitLine(File.ReadLines(args[1]).First());
var columns = inputSchema.Select(c => new TextLoader.Column(
    c.Name,
    c.Type is TextDataViewType ? DataKind.String : DataKind.Single,
    Csv.IndexOf(header, c.Name))).ToArray();
var data = mlContext.Data.LoadFromTextFile(args[1], new TextLoader.Options
{
    Columns = columns,
    Separators = [','],
    HasHeader = true,
    AllowQuoting = true,
    MissingRealsAsNaNs = true,
});
var scored = model.Transform(data);

var output = new StringBuilder();
var isClassifier = scored.Schema.GetColumnOrNull("Probability") is not null;
if (isClassifier)
{
    var labels = scored.GetColumn<ReadOnlyMemory<char>>("PredictedLabel").ToList();
    var probabilities = scored.GetColumn<float[]>("Probability").ToList();
    for (var row = 0; row < labels.Count; row++)
        output.AppendLine(string.Join(",", [labels[row].ToString(), .. probabilities[row].Select(Csv.Number)]));
}
else
{
    foreach (var score in scored.GetColumn<float[]>("Score")) output.AppendLine(Csv.Number(score[0]));
}
File.WriteAllText(args[2], output.ToString());
return 0;

/// <summary>The little CSV handling this program needs: the header line, and numbers in round-trip form.</summary>
internal static class Csv
{
    public static string Number(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static int IndexOf(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++) if (header[i] == name) return i;
        throw new InvalidOperationException($"The CSV file has no column '{name}', which the model reads.");
    }

    /// <summary>Splits one line on commas outside double quotes; "" inside quotes is one quote.</summary>
    public static List<string> SplitLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
