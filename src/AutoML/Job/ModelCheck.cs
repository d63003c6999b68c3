using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.Student;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Export.Serving;
using Pipelines.Prediction;

namespace Pipelines.AutoML.Job;

/// <summary>
/// An ONNX model file as served: its size, its ONNX Runtime latency (<see cref="LatencyOptions"/>: batches and single
/// rows, one intra-op thread) and its parity with the in-process model it was exported from, measured on some rows, and
/// the device ONNX Runtime ran it on.
/// </summary>
/// <param name="Name">The file's name, e.g. "model.onnx".</param>
/// <param name="SizeBytes">Size of the file.</param>
/// <param name="BatchMsPerRow">Milliseconds per row in batches.</param>
/// <param name="SingleRowMs">Milliseconds per single-row call.</param>
/// <param name="MaxProbabilityDifference">Largest |ONNX Runtime − in process| over the rows' probabilities (scores); null without a reference.</param>
/// <param name="LabelAgreement">Share of rows with the same predicted label in both; null without a reference or for regression.</param>
/// <param name="Rows">Rows measured.</param>
/// <param name="RowsDescription">Which rows, in words.</param>
/// <param name="Device">Where ONNX Runtime ran the model (the latency is that device's).</param>
public sealed record ModelCheck(
    string Name,
    long SizeBytes,
    double BatchMsPerRow,
    double SingleRowMs,
    double? MaxProbabilityDifference,
    double? LabelAgreement,
    int Rows,
    string RowsDescription,
    OnnxDevice Device)
{
    /// <summary>
    /// Loads the ONNX model at <paramref name="path"/> in ONNX Runtime on <paramref name="device"/> (the CPU when null),
    /// predicts <paramref name="rows"/> (returned, to score them), times it, and compares its outputs with
    /// <paramref name="reference"/>'s in process.
    /// </summary>
    internal static (ModelCheck Check, DataFrame Predicted) Onnx(
        string name, string path, DataFrame rows, string rowsDescription, ExperimentTarget target, ITransformer? reference, LatencyOptions latency,
        OnnxDevice? device = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(latency);
        using var model = new OrtModel(File.ReadAllBytes(path), name, latency.IntraOpThreads, device);
        var predicted = model.Predict(rows);
        var (batch, single) = model.Latency(rows, latency);
        double? maxDiff = null, agreement = null;
        if (reference is not null)
        {
            var local = reference.Transform(rows);
            var (ort, inProcess) = (Predictions(predicted, target), Predictions(local, target));
            maxDiff = 0;
            for (var i = 0; i < ort.Length; i++) maxDiff = Math.Max(maxDiff.Value, Math.Abs(ort[i] - inProcess[i]));
            agreement = target.IsClassification ? Agreement(predicted, local) : null;
        }
        return (new ModelCheck(name, new FileInfo(path).Length, batch, single, maxDiff, agreement, rows.RowCount, rowsDescription, model.Device), predicted);
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
