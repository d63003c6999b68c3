using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Student;

/// <summary>One model's predictions on the test rows: labels and row-major probabilities in the table's class order.</summary>
internal sealed record StagePredictions(string?[] Labels, float[] Probabilities)
{
    public static StagePredictions Read(DataFrame predicted, IReadOnlyList<string> classes, string step) =>
        new(PredictionReader.Labels(predicted, step), PredictionReader.Probabilities(predicted, classes, step));

    /// <summary>Predictions of a fitted pipeline in process on <paramref name="rows"/>.</summary>
    public static StagePredictions InProcess(Core.ITransformer pipeline, DataFrame rows, IReadOnlyList<string> classes, string step) =>
        Read(pipeline.Transform(rows), classes, step);

    /// <summary>Share of the labelled rows whose predicted label is the actual one.</summary>
    public double Accuracy(IReadOnlyList<string?> actual)
    {
        int hits = 0, labelled = 0;
        for (var r = 0; r < actual.Count; r++)
        {
            if (actual[r] is null) continue;
            labelled++;
            if (Labels[r] == actual[r]) hits++;
        }
        return labelled == 0 ? double.NaN : hits / (double)labelled;
    }

    /// <summary><paramref name="metric"/> over the rows whose actual class is one of <paramref name="classes"/>.</summary>
    public double Score(Metric metric, IReadOnlyList<string?> actual, IReadOnlyList<string> classes)
    {
        var k = classes.Count;
        var codes = new List<int>();
        var probabilities = new List<float>();
        for (var r = 0; r < actual.Count; r++)
        {
            var code = actual[r] is null ? -1 : classes.ToList().IndexOf(actual[r]!);
            if (code < 0) continue;
            codes.Add(code);
            probabilities.AddRange(Probabilities.AsSpan(r * k, k));
        }
        if (codes.Count == 0) return double.NaN;
        return ClassificationReport.Compute([.. codes], [.. probabilities], k, classes).Get(metric);
    }

    /// <summary>Largest |p - q| over all rows and classes, and the share of rows with the same label, against <paramref name="reference"/>.</summary>
    public (double MaxProbabilityDelta, double LabelAgreement) Compare(StagePredictions reference)
    {
        if (reference.Probabilities.Length != Probabilities.Length)
            throw new DataValueException($"Parity: {Probabilities.Length} probabilities against {reference.Probabilities.Length}; compare predictions of the same rows.");
        double delta = 0;
        for (var i = 0; i < Probabilities.Length; i++) delta = Math.Max(delta, Math.Abs(Probabilities[i] - reference.Probabilities[i]));
        var same = 0;
        for (var r = 0; r < Labels.Length; r++) if (Labels[r] == reference.Labels[r]) same++;
        return (delta, Labels.Length == 0 ? double.NaN : same / (double)Labels.Length);
    }
}
