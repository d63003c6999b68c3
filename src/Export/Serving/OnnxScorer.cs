using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Export.Onnx;

namespace Pipelines.Export.Serving;

/// <summary>Scores frames with an ONNX model in ONNX Runtime: <see cref="OnnxInputs"/> in, <see cref="OnnxOutputs"/> out.</summary>
public sealed class OnnxScorer : IModelScorer
{
    private readonly InferenceSession _session;
    private readonly IReadOnlyList<string>? _classes;

    private OnnxScorer(InferenceSession session, OnnxDevice device)
    {
        _session = session;
        Device = device;
        var metadata = session.ModelMetadata.CustomMetadataMap;
        _classes = metadata.TryGetValue(OnnxExporter.LabelClassesKey, out var json) ? JsonSerializer.Deserialize<string[]>(json) : null;
        // The exporter's descriptions where they read; from another producer, the inputs' element types alone.
        var described = new Dictionary<string, ColumnSchema>(StringComparer.Ordinal);
        foreach (var entry in Described<Dictionary<string, string>[]>(metadata, OnnxExporter.InputSchemaKey) ?? [])
        {
            if (OnnxExporter.InputOf(entry) is { } input) described[input.Name] = input;
        }
        var categories = Described<Dictionary<string, string[]>>(metadata, OnnxExporter.InputCategoriesKey) ?? [];
        Inputs = [.. session.InputMetadata.Select(i => described.GetValueOrDefault(i.Key)
            ?? new ColumnSchema(i.Key, i.Value.ElementDataType == TensorElementType.Float ? ColumnKind.Numeric : ColumnKind.Categorical))
            .Select(i => i.Kind == ColumnKind.Categorical && categories.TryGetValue(i.Name, out var known) ? i with { Categories = known } : i)];
    }

    /// <inheritdoc/>
    public IReadOnlyList<ColumnSchema> Inputs { get; }

    /// <summary>Where the model runs.</summary>
    public OnnxDevice Device { get; }

    /// <summary>The ONNX Runtime session.</summary>
    public InferenceSession Session => _session;

    /// <summary>
    /// Loads the ONNX model at <paramref name="path"/> on <paramref name="device"/> (the CPU by default). A missing file,
    /// one that is not an ONNX model ONNX Runtime can load, or a device that cannot be used is a
    /// <see cref="PipelineException"/> naming the file or the missing piece.
    /// </summary>
    public static OnnxScorer Open(string path, OnnxDevice? device = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        device ??= OnnxDevice.Cpu;
        if (!File.Exists(path)) throw new PipelineException($"{path}: no such model file. Check the path, or export one with 'pipelines export'.");
        var bytes = File.ReadAllBytes(path);
        var model = Read(path, bytes);
        if (model.Graph is null || model.Graph.Output.Count == 0)
            throw new ModelFormatException($"{path}: not an ONNX model (no graph with outputs). Pass a file written by 'pipelines export'.");
        using var options = OnnxSessions.CreateOptions(device);
        return new OnnxScorer(OnnxSessions.Open(bytes, path, options), device);
    }

    /// <summary>
    /// The most rows one run of the session scores: a larger frame runs in batches of this many, so that the graph's
    /// intermediate tensors (one-hot codes, the features, every tree's votes) and the input strings are those of a batch
    /// rather than of every row, and a file of millions of rows is scored in memory its batches need.
    /// </summary>
    internal int BatchRows { get; set; } = 65_536;

    /// <inheritdoc/>
    public DataFrame Predict(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.RowCount <= BatchRows) return PredictBatch(frame);
        var batches = new List<DataFrame>();
        var rows = new int[BatchRows];
        for (var start = 0; start < frame.RowCount; start += BatchRows)
        {
            var count = Math.Min(BatchRows, frame.RowCount - start);
            for (var i = 0; i < count; i++) rows[i] = start + i;
            batches.Add(PredictBatch(frame.Take(rows.AsSpan(0, count))));
        }
        // Merged in pairs, so each row is copied once per level rather than once per batch after it.
        while (batches.Count > 1) batches = [.. batches.Chunk(2).Select(pair => pair.Length == 1 ? pair[0] : pair[0].AppendRows(pair[1]))];
        return batches[0];
    }

    private DataFrame PredictBatch(DataFrame frame)
    {
        using var outputs = OnnxSessions.Run(_session, OnnxInputs.FromFrame(_session.InputMetadata, frame));
        return OnnxOutputs.ToFrame(outputs, _classes);
    }

    /// <inheritdoc/>
    public void Dispose() => _session.Dispose();

    private static Onnx.Proto.ModelProto Read(string path, byte[] bytes)
    {
        try
        {
            return OnnxModel.Read(bytes);
        }
        catch (OnnxExportException e)
        {
            throw new ModelFormatException($"{path}: not an ONNX model ({e.Message}). Pass a file written by 'pipelines export'.", e);
        }
    }

    /// <summary>The metadata value at <paramref name="key"/> read as JSON; null where it is absent or does not read (another producer's).</summary>
    private static T? Described<T>(Dictionary<string, string> metadata, string key) where T : class
    {
        if (!metadata.TryGetValue(key, out var json)) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
