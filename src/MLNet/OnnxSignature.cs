using System.Text.Json;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Export.Onnx;
using Pipelines.Export.Onnx.Proto;

namespace Pipelines.MLNet;

/// <summary>
/// What an ONNX model written by <see cref="OnnxExporter"/> reads and predicts: its raw input columns (float inputs
/// numeric, string inputs categorical or text as the "input_schema" metadata says) and its classes ("label_classes"),
/// or none for a regressor.
/// </summary>
internal sealed record OnnxSignature(IReadOnlyList<ColumnSchema> Inputs, IReadOnlyList<string> Classes, bool IsClassification)
{
    public static OnnxSignature Read(ModelProto model, string source)
    {
        var outputs = model.Graph?.Output.Select(o => o.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        var isClassification = outputs.Contains(OnnxLearnerOutputs.PredictedLabel) && outputs.Contains(OnnxLearnerOutputs.Probability);
        if (!isClassification && !outputs.Contains(OnnxLearnerOutputs.Score))
            throw new ModelFormatException(
                $"{source}: the ONNX model has no learner outputs ({OnnxLearnerOutputs.PredictedLabel} and {OnnxLearnerOutputs.Probability}, or {OnnxLearnerOutputs.Score}); " +
                $"its outputs are {string.Join(", ", outputs.Select(o => $"'{o}'"))}. Export a pipeline that ends in a learner (OnnxExporter.Export).");
        var metadata = model.MetadataProps.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var classes = isClassification ? ReadClasses(metadata, source) : [];
        var kinds = metadata.TryGetValue(OnnxExporter.InputSchemaKey, out var schema) ? Kinds(schema) : [];
        var inputs = model.Graph!.Input
            .Where(i => !model.Graph.Initializer.Any(t => t.Name == i.Name))
            .Select(i => new ColumnSchema(i.Name, Kind(i, source) is ColumnKind.Categorical && kinds.GetValueOrDefault(i.Name) is ColumnKind.Text ? ColumnKind.Text : Kind(i, source)))
            .ToList();
        return new OnnxSignature(inputs, classes, isClassification);
    }

    private static string[] ReadClasses(Dictionary<string, string> metadata, string source)
    {
        string[]? classes = null;
        try
        {
            if (metadata.TryGetValue(OnnxExporter.LabelClassesKey, out var json)) classes = JsonSerializer.Deserialize<string[]>(json);
        }
        catch (JsonException)
        {
            classes = null;
        }
        if (classes is not { Length: > 0 } || classes.Any(string.IsNullOrEmpty) || classes.Distinct(StringComparer.Ordinal).Count() != classes.Length)
            throw new ModelFormatException($"{source}: the classifier has no valid '{OnnxExporter.LabelClassesKey}' metadata (a JSON list of distinct, non-empty class names). Export it with OnnxExporter, which writes it.");
        return classes;
    }

    private static ColumnKind Kind(ValueInfoProto input, string source) =>
        (TensorProto.Types.DataType)(input.Type?.TensorType?.ElemType ?? 0) switch
        {
            TensorProto.Types.DataType.Float => ColumnKind.Numeric,
            TensorProto.Types.DataType.String => ColumnKind.Categorical,
            var other => throw new ModelFormatException($"{source}: input '{input.Name}' is a tensor of {other}; the ML.NET model takes float (numbers) and string (categories, text) inputs only. Export the model with OnnxExporter."),
        };

    private static Dictionary<string, ColumnKind> Kinds(string json)
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
            // Metadata from another producer: the element types decide.
        }
        return kinds;
    }
}
