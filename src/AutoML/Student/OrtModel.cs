using System.Diagnostics;
using System.Text.Json;
using Pipelines.Data;
using Pipelines.Export.Onnx;
using Pipelines.Export.Runtime;
using Pipelines.Export.Serving;

namespace Pipelines.AutoML.Student;

/// <summary>An exported model loaded in ONNX Runtime: predictions as prediction columns, and latency (see <see cref="LatencyOptions"/>).</summary>
internal sealed class OrtModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string[]? _classes;

    public OrtModel(byte[] model, InferenceSessionOptions options)
    {
        _session = new InferenceSession(model, options);
        _classes = _session.Metadata.CustomMetadata.TryGetValue(OnnxExporter.LabelClassesKey, out var json) ? JsonSerializer.Deserialize<string[]>(json) : null;
    }

    /// <summary>PredictedLabel and Probability.&lt;class&gt; columns for every row of <paramref name="frame"/>.</summary>
    public DataFrame Predict(DataFrame frame) => OnnxOutputs.ToFrame(_session.Run(Inputs(frame)), _classes);

    /// <summary>
    /// Mean milliseconds per row in batches, and per single-row call. The single rows timed are as many of the first
    /// <see cref="LatencyOptions.MaxSingleRows"/> as one pass of <see cref="LatencyOptions.MinMilliseconds"/> holds at
    /// the pace of a warm-up call (at least <see cref="MinSingleRows"/>), so a model that is slow per call (hundreds of
    /// input columns) is not timed for seconds.
    /// </summary>
    public (double BatchMsPerRow, double SingleRowMs) Latency(DataFrame rows, LatencyOptions options)
    {
        var batches = new List<IReadOnlyList<NamedTensor>>();
        for (var start = 0; start < rows.RowCount; start += options.BatchRows)
            batches.Add(Inputs(rows.Take([.. Enumerable.Range(start, Math.Min(options.BatchRows, rows.RowCount - start))])));
        _session.Run(batches[0]);
        var batchMs = Time(batches, options.MinMilliseconds) / rows.RowCount;
        var first = Inputs(rows.Take([0]));
        _session.Run(first);
        var pace = Stopwatch.StartNew();
        _session.Run(first);
        var perCall = Math.Max(pace.Elapsed.TotalMilliseconds, 1e-3);
        var count = Math.Clamp((int)(options.MinMilliseconds / perCall), Math.Min(MinSingleRows, rows.RowCount), Math.Min(options.MaxSingleRows, rows.RowCount));
        var singles = Enumerable.Range(0, count).Select(r => Inputs(rows.Take([r]))).ToList();
        var singleMs = Time(singles, options.MinMilliseconds) / singles.Count;
        return (batchMs, singleMs);
    }

    /// <summary>Fewest single rows timed.</summary>
    private const int MinSingleRows = 5;

    public void Dispose() => _session.Dispose();

    private IReadOnlyList<NamedTensor> Inputs(DataFrame frame) => OnnxInputs.FromFrame(_session.Inputs, frame);

    // Milliseconds per pass over all the calls, passes repeated until minMilliseconds have passed.
    private double Time(List<IReadOnlyList<NamedTensor>> calls, double minMilliseconds)
    {
        var watch = Stopwatch.StartNew();
        var passes = 0;
        do
        {
            foreach (var call in calls) _session.Run(call);
            passes++;
        }
        while (watch.Elapsed.TotalMilliseconds < minMilliseconds);
        return watch.Elapsed.TotalMilliseconds / passes;
    }
}
