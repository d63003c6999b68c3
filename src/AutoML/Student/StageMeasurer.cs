using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.Export.Onnx;
using Pipelines.Export.Onnx.Proto;

namespace Pipelines.AutoML.Student;

/// <summary>Measures one stage on the test rows: writes and sizes its ONNX model, runs it in ONNX Runtime, scores, compares and times it.</summary>
/// <param name="test">The test rows (label set).</param>
/// <param name="classes">The class order of the table.</param>
/// <param name="metric">The experiment's metric, or null.</param>
/// <param name="latency">How to time.</param>
/// <param name="teacher">The teacher's in-process predictions, which every stage's labels are compared with.</param>
internal sealed class StageMeasurer(DataFrame test, IReadOnlyList<string> classes, Metric? metric, LatencyOptions latency, StagePredictions teacher)
{
    private readonly string?[] _actual = ActualLabels(test);

    /// <param name="name">The stage.</param>
    /// <param name="model">Its ONNX model, or null when it has none (then it is scored in process).</param>
    /// <param name="path">Where to write the model, or null.</param>
    /// <param name="reference">The in-process predictions the ONNX outputs are compared with.</param>
    /// <param name="referenceIsStage">Whether <paramref name="reference"/> is this stage's own in-process model (else its in-process accuracy is unknown).</param>
    /// <param name="parameters">Parameter count, when known.</param>
    /// <param name="nonZeros">Non-zero parameters, when known.</param>
    /// <param name="note">A note for the table.</param>
    public CompressionStage Measure(
        string name, ModelProto? model, string? path, StagePredictions reference, bool referenceIsStage, long? parameters, long? nonZeros, string? note)
    {
        double? inProcess = referenceIsStage ? reference.Accuracy(_actual) : null;
        if (model is null)
            return new CompressionStage(
                name, null, null, parameters, nonZeros, reference.Accuracy(_actual), Score(reference), inProcess, reference.Compare(teacher).LabelAgreement,
                null, null, null, null, note);
        var bytes = OnnxModel.ToBytes(model);
        if (path is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            OnnxModel.Save(model, path);
        }
        using var ort = new OrtModel(bytes, name, latency.IntraOpThreads);
        var predictions = StagePredictions.Read(ort.Predict(test), classes, name);
        var (delta, agreement) = predictions.Compare(reference);
        var (batch, single) = ort.Latency(test, latency);
        return new CompressionStage(
            name, path, bytes.Length, parameters, nonZeros, predictions.Accuracy(_actual), Score(predictions), inProcess, predictions.Compare(teacher).LabelAgreement,
            batch, single, delta, agreement, note);
    }

    private double? Score(StagePredictions predictions) => metric is { } m ? predictions.Score(m, _actual, classes) : null;

    private static string?[] ActualLabels(DataFrame test)
    {
        var label = LabelTask.WithClassLabel(test).Label!;
        return [.. Enumerable.Range(0, test.RowCount).Select(label.FormatValue)];
    }
}
