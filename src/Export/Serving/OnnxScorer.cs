using System.Text.Json;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Export.Onnx;
using Pipelines.Export.Runtime;

namespace Pipelines.Export.Serving;

/// <summary>Scores frames with an ONNX model in ONNX Runtime: <see cref="OnnxInputs"/> in, <see cref="OnnxOutputs"/> out.</summary>
public sealed class OnnxScorer : IModelScorer
{
    private readonly InferenceSession _session;
    private readonly IReadOnlyList<string>? _classes;

    private OnnxScorer(InferenceSession session)
    {
        _session = session;
        _classes = session.Metadata.CustomMetadata.TryGetValue(OnnxExporter.LabelClassesKey, out var json) ? JsonSerializer.Deserialize<string[]>(json) : null;
        var kinds = session.Metadata.CustomMetadata.TryGetValue(OnnxExporter.InputSchemaKey, out var schema) ? InputKinds(schema) : [];
        Inputs = [.. session.Inputs.Select(i => new ColumnSchema(i.Name, kinds.GetValueOrDefault(i.Name, i.ElementType == TensorElementType.Float ? ColumnKind.Numeric : ColumnKind.Categorical)))];
    }

    /// <inheritdoc/>
    public IReadOnlyList<ColumnSchema> Inputs { get; }

    /// <summary>The ONNX Runtime session.</summary>
    public InferenceSession Session => _session;

    /// <summary>
    /// Loads the ONNX model at <paramref name="path"/>. A missing file, or one that is not an ONNX model ONNX Runtime can
    /// load, is a <see cref="PipelineException"/> naming the file.
    /// </summary>
    public static OnnxScorer Open(string path, InferenceSessionOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new PipelineException($"{path}: no such model file. Check the path, or export one with 'pipelines export'.");
        var bytes = File.ReadAllBytes(path);
        var model = Read(path, bytes);
        if (model.Graph is null || model.Graph.Output.Count == 0)
            throw new ModelFormatException($"{path}: not an ONNX model (no graph with outputs). Pass a file written by 'pipelines export'.");
        try
        {
            return new OnnxScorer(new InferenceSession(bytes, options));
        }
        catch (OnnxRuntimeException e) when (e.ErrorCode != OrtErrorCode.Ok)
        {
            throw new ModelFormatException($"{path}: ONNX Runtime cannot load the model: {e.OrtMessage}", e);
        }
    }

    /// <inheritdoc/>
    public DataFrame Predict(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var outputs = _session.Run(OnnxInputs.FromFrame(_session.Inputs, frame));
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

    private static Dictionary<string, ColumnKind> InputKinds(string json)
    {
        var kinds = new Dictionary<string, ColumnKind>(StringComparer.Ordinal);
        try
        {
            foreach (var column in JsonSerializer.Deserialize<Dictionary<string, string>[]>(json) ?? [])
            {
                if (column.TryGetValue("name", out var name) && column.TryGetValue("kind", out var kind) && Enum.TryParse<ColumnKind>(kind, ignoreCase: true, out var parsed))
                    kinds[name] = parsed;
            }
        }
        catch (JsonException)
        {
            // Metadata from another producer: fall back to the element types.
        }
        return kinds;
    }
}
