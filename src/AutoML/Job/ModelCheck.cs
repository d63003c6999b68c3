using System.Diagnostics;
using Pipelines.AutoML.Experiments;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Export.Serving;
using Pipelines.Prediction;

namespace Pipelines.AutoML.Job;

/// <summary>
/// A model's test numbers: every metric of the task on the test rows, in process and (for an ONNX file) in ONNX
/// Runtime, the parity between the two, the file size and ORT latency, and the device ORT ran on.
/// </summary>
public sealed record ModelCheck(
    string Name,
    IReadOnlyDictionary<string, double> Scores,
    long? SizeBytes = null,
    double? BatchMsPerRow = null,
    double? SingleRowMs = null,
    double? MaxProbabilityDifference = null,
    double? LabelAgreement = null,
    OnnxDevice? Device = null)
{
    /// <summary>Scores <paramref name="model"/> in process on <paramref name="test"/> (rows <paramref name="rows"/> of the target's frame).</summary>
    public static ModelCheck InProcess(string name, ITransformer model, DataFrame test, ExperimentTarget target, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new ModelCheck(name, target.Scores(model.Transform(test), rows));
    }

    /// <summary>
    /// Scores the ONNX model at <paramref name="path"/> in ONNX Runtime on <paramref name="test"/>, with its size and
    /// latency, and compares its outputs with <paramref name="reference"/> (the in-process model it was exported from).
    /// Latency: one warm-up pass, then the whole test set in one batch (ms per row) and the median of single-row runs.
    /// ONNX Runtime runs on <paramref name="device"/>, the CPU by default.
    /// </summary>
    public static ModelCheck Onnx(string name, string path, DataFrame test, ExperimentTarget target, IReadOnlyList<int> rows, ITransformer? reference, OnnxDevice? device = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        using var scorer = OnnxScorer.Open(path, device);
        var predicted = scorer.Predict(test);
        var clock = Stopwatch.StartNew();
        predicted = scorer.Predict(test);
        var batch = clock.Elapsed.TotalMilliseconds / Math.Max(1, test.RowCount);
        var singles = new List<double>();
        for (var row = 0; row < Math.Min(test.RowCount, 200); row++)
        {
            var one = test.Take([row]);
            clock.Restart();
            scorer.Predict(one);
            singles.Add(clock.Elapsed.TotalMilliseconds);
        }
        singles.Sort();
        var ort = Predictions(predicted, target);
        double? maxDiff = null, agreement = null;
        if (reference is not null)
        {
            var localOutput = reference.Transform(test);
            var local = Predictions(localOutput, target);
            maxDiff = 0;
            for (var i = 0; i < ort.Length; i++) maxDiff = Math.Max(maxDiff.Value, Math.Abs(ort[i] - local[i]));
            agreement = target.IsClassification ? Agreement(predicted, localOutput) : null;
        }
        return new ModelCheck(name, target.Scores(predicted, rows), new FileInfo(path).Length, batch, singles.Count == 0 ? null : singles[singles.Count / 2], maxDiff, agreement, scorer.Device);
    }

    private static float[] Predictions(DataFrame predicted, ExperimentTarget target)
    {
        var output = new float[predicted.RowCount * target.Width];
        target.ReadPredictions(predicted, output, 0);
        return output;
    }

    private static double Agreement(DataFrame a, DataFrame b)
    {
        var x = a[PredictionColumns.PredictedLabel];
        var y = b[PredictionColumns.PredictedLabel];
        var same = 0;
        for (var row = 0; row < a.RowCount; row++) if (x.FormatValue(row) == y.FormatValue(row)) same++;
        return a.RowCount == 0 ? 1 : (double)same / a.RowCount;
    }
}
