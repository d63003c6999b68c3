using Pipelines.Data;

namespace Pipelines.Prediction;

/// <summary>Turns raw model outputs into prediction columns.</summary>
public static class PredictionOutput
{
    /// <summary>
    /// Regression: the score column. Classification: the predicted label (argmax; ties go to the lower class code,
    /// as ONNX ArgMax does) followed by one probability column per class.
    /// </summary>
    public static IReadOnlyList<Column> Columns(PredictionTask task, IReadOnlyList<string> classes, float[] outputs, int rows)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        if (task == PredictionTask.Regression)
        {
            if (outputs.Length != rows) throw new ArgumentException($"Expected {rows} predictions, got {outputs.Length}.", nameof(outputs));
            return [new NumericColumn(PredictionColumns.Score, outputs)];
        }
        var k = classes.Count;
        if (outputs.Length != rows * k) throw new ArgumentException($"Expected {rows} x {k} probabilities, got {outputs.Length}.", nameof(outputs));
        var labels = new int[rows];
        var probabilities = new float[k][];
        for (var c = 0; c < k; c++) probabilities[c] = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            var row = outputs.AsSpan(r * k, k);
            var best = 0;
            for (var c = 0; c < k; c++)
            {
                probabilities[c][r] = row[c];
                if (row[c] > row[best]) best = c;
            }
            labels[r] = best;
        }
        var columns = new List<Column>(k + 1) { new CategoricalColumn(PredictionColumns.PredictedLabel, labels, [.. classes]) };
        for (var c = 0; c < k; c++) columns.Add(new NumericColumn(PredictionColumns.Probability(classes[c]), probabilities[c]));
        return columns;
    }
}
