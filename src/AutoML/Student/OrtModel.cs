using System.Diagnostics;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Pipelines.Data;
using Pipelines.Export.Onnx;
using Pipelines.Export.Serving;

namespace Pipelines.AutoML.Student;

/// <summary>
/// An exported model loaded in ONNX Runtime (on the CPU unless told otherwise): predictions as prediction columns, and
/// latency (see <see cref="LatencyOptions"/>).
/// </summary>
internal sealed class OrtModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string[]? _classes;

    /// <param name="model">The serialized ONNX model.</param>
    /// <param name="name">What to call the model in errors.</param>
    /// <param name="intraOpThreads">ONNX Runtime's threads within one operator; 0 for its choice.</param>
    /// <param name="device">Where ONNX Runtime runs the model; the CPU when null.</param>
    public OrtModel(byte[] model, string name, int intraOpThreads, OnnxDevice? device = null)
    {
        Device = device ?? OnnxDevice.Cpu;
        using var options = OnnxSessions.CreateOptions(Device);
        options.IntraOpNumThreads = intraOpThreads;
        _session = OnnxSessions.Open(model, name, options);
        _classes = _session.ModelMetadata.CustomMetadataMap.TryGetValue(OnnxExporter.LabelClassesKey, out var json) ? JsonSerializer.Deserialize<string[]>(json) : null;
    }

    /// <summary>Where ONNX Runtime runs the model.</summary>
    public OnnxDevice Device { get; }

    /// <summary>PredictedLabel and Probability.&lt;class&gt; columns for every row of <paramref name="frame"/>.</summary>
    public DataFrame Predict(DataFrame frame)
    {
        using var outputs = OnnxSessions.Run(_session, Inputs(frame));
        return OnnxOutputs.ToFrame(outputs, _classes);
    }

    /// <summary>
    /// Mean milliseconds per row in batches, and per single-row call. The single rows timed are as many of the first
    /// <see cref="LatencyOptions.MaxSingleRows"/> as one pass of <see cref="LatencyOptions.MinMilliseconds"/> holds at
    /// the pace of a warm-up call (at least <see cref="MinSingleRows"/>), so a model that is slow per call (hundreds of
    /// input columns) is not timed for seconds.
    /// </summary>
    public (double BatchMsPerRow, double SingleRowMs) Latency(DataFrame rows, LatencyOptions options)
    {
        var batches = new List<IReadOnlyList<NamedOnnxValue>>();
        for (var start = 0; start < rows.RowCount; start += options.BatchRows)
            batches.Add(Inputs(rows.Take([.. Enumerable.Range(start, Math.Min(options.BatchRows, rows.RowCount - start))])));
        RunOnce(batches[0]);
        var batchMs = Time(batches, options.MinMilliseconds) / rows.RowCount;
        var first = Inputs(rows.Take([0]));
        RunOnce(first);
        var pace = Stopwatch.StartNew();
        RunOnce(first);
        var perCall = Math.Max(pace.Elapsed.TotalMilliseconds, 1e-3);
        var count = Math.Clamp((int)(options.MinMilliseconds / perCall), Math.Min(MinSingleRows, rows.RowCount), Math.Min(options.MaxSingleRows, rows.RowCount));
        var singles = Enumerable.Range(0, count).Select(r => Inputs(rows.Take([r]))).ToList();
        var singleMs = Time(singles, options.MinMilliseconds) / singles.Count;
        return (batchMs, singleMs);
    }

    /// <summary>Fewest single rows timed.</summary>
    private const int MinSingleRows = 5;

    public void Dispose() => _session.Dispose();

    private IReadOnlyList<NamedOnnxValue> Inputs(DataFrame frame) => OnnxInputs.FromFrame(_session.InputMetadata, frame);

    private void RunOnce(IReadOnlyList<NamedOnnxValue> inputs)
    {
        using var outputs = OnnxSessions.Run(_session, inputs);
    }

    // Milliseconds per pass over all the calls, passes repeated until minMilliseconds have passed.
    private double Time(List<IReadOnlyList<NamedOnnxValue>> calls, double minMilliseconds)
    {
        var watch = Stopwatch.StartNew();
        var passes = 0;
        do
        {
            foreach (var call in calls) RunOnce(call);
            passes++;
        }
        while (watch.Elapsed.TotalMilliseconds < minMilliseconds);
        return watch.Elapsed.TotalMilliseconds / passes;
    }
}
