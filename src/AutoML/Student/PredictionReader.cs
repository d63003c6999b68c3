using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Prediction;

namespace Pipelines.AutoML.Student;

/// <summary>
/// Reads the prediction columns of any fitted classifier pipeline (<see cref="PredictionColumns"/>): its classes from
/// the Probability.&lt;class&gt; columns of its output schema, and its outputs in a fixed class order. Only these columns
/// are trusted, so the pipeline's inner structure (a chain, an ensemble) does not matter.
/// </summary>
internal static class PredictionReader
{
    private static readonly string Prefix = PredictionColumns.Probability("");

    /// <summary>The classes <paramref name="model"/> gives probabilities for on frames of <paramref name="input"/>, in output order.</summary>
    public static IReadOnlyList<string> Classes(ITransformer model, DataSchema input, string step)
    {
        var output = model.GetOutputSchema(input);
        var classes = output.Columns
            .Where(c => c.Kind == ColumnKind.Numeric && c.Name.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(c => c.Name[Prefix.Length..]).ToArray();
        if (classes.Length < 2)
            throw new SchemaException(
                $"{step}: the model outputs {classes.Length} '{Prefix}<class>' column(s); a student needs a classifier that outputs a probability per class " +
                "(a regressor cannot be distilled here).");
        return classes;
    }

    /// <summary>Row-major probabilities [rows, classes] from the Probability.&lt;class&gt; columns of <paramref name="predicted"/>.</summary>
    public static float[] Probabilities(DataFrame predicted, IReadOnlyList<string> classes, string step)
    {
        var rows = predicted.RowCount;
        var k = classes.Count;
        var result = new float[rows * k];
        for (var c = 0; c < k; c++)
        {
            var name = PredictionColumns.Probability(classes[c]);
            if (!predicted.Contains(name)) ThrowHelper.MissingColumn(step, name, predicted.Names);
            var values = predicted.Numeric(name).Values;
            for (var r = 0; r < rows; r++)
            {
                if (!float.IsFinite(values[r]))
                    throw new DataValueException($"{step}: '{name}' is {values[r]} in row {r}; the model's probabilities must be finite.");
                result[r * k + c] = values[r];
            }
        }
        return result;
    }

    /// <summary>The PredictedLabel column of <paramref name="predicted"/> as class names (null where missing).</summary>
    public static string?[] Labels(DataFrame predicted, string step)
    {
        if (!predicted.Contains(PredictionColumns.PredictedLabel)) ThrowHelper.MissingColumn(step, PredictionColumns.PredictedLabel, predicted.Names);
        var column = predicted[PredictionColumns.PredictedLabel];
        return [.. Enumerable.Range(0, predicted.RowCount).Select(column.FormatValue)];
    }
}
