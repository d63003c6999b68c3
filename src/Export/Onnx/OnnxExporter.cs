using System.Text.Json;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Export.Onnx.Conversion;
using Pipelines.Export.Onnx.Proto;
using Pipelines.IO;
using Pipelines.Prediction;

namespace Pipelines.Export.Onnx;

/// <summary>
/// Writes a whole fitted pipeline as one ONNX graph.
/// <para>
/// Inputs: one per raw numeric or categorical feature column, named as the column: numeric as float [N, 1] with NaN
/// for a missing value, categorical as string [N, 1] with "" (the empty string) for a missing value, so "" is never a
/// category. Text columns are inputs (string [N, 1]) only when a step reads them; label and weight columns never are.
/// </para>
/// <para>
/// Outputs: the outputs a learner's converter declares (the predicted label and the class probabilities); for a
/// transform-only pipeline, every numeric or categorical feature column of the pipeline's output, in order, named
/// column + ".output" (float or string [N, 1], as the inputs). Metadata: producer "Pipelines", doc_string the
/// description, metadata_props "label_classes" (JSON list, when known) and "input_schema" (JSON list of name, kind, ONNX
/// type, and how the training rows wrote the input: for a part of dates written as three numbers their order,
/// "date_order": "day_first", "month_first" or "year_first"; for numbers written with a unit the unit, "unit": "CC"; for
/// numbers with points between thousands and a decimal comma "points_group_thousands": "true"; for numbers written with
/// magnitudes (201k, 19M) "magnitudes": "true"; for codes among which NA was a code, "na_is_code": "true"), and
/// "input_categories" (JSON object of a categorical input's name to the categories its training rows held) where the
/// inputs' categories are known (<see cref="ColumnSchema.Categories"/>) and the outputs depend on the input.
/// </para>
/// </summary>
public static class OnnxExporter
{
    /// <summary>Suffix of a column's output name in a transform-only graph: "x1" is output as "x1.output".</summary>
    public const string OutputSuffix = ".output";

    /// <summary>Metadata key of the label's class names (JSON list of strings).</summary>
    public const string LabelClassesKey = "label_classes";

    /// <summary>Metadata key of the input schema (JSON list of {"name", "kind", "onnx_type"}, and "date_order", "unit", "points_group_thousands", "magnitudes" or "na_is_code" where known).</summary>
    public const string InputSchemaKey = "input_schema";

    /// <summary>Metadata key of the categories each categorical input's training rows held (JSON object of name to list of strings), where known.</summary>
    public const string InputCategoriesKey = "input_categories";

    /// <summary>
    /// Exports <paramref name="pipeline"/>, fitted on <paramref name="training"/> (its schema gives the inputs and their
    /// categories, its label the class names).
    /// </summary>
    public static ModelProto Export(ITransformer pipeline, DataFrame training, OnnxExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        var classes = options?.LabelClasses ?? (training.Label as CategoricalColumn)?.Categories;
        return Export(pipeline, training.Schema.WithCategoriesOf(training), (options ?? new OnnxExportOptions()) with { LabelClasses = classes });
    }

    /// <summary>Exports <paramref name="pipeline"/> for frames of schema <paramref name="input"/>.</summary>
    public static ModelProto Export(ITransformer pipeline, DataSchema input, OnnxExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(input);
        options ??= new OnnxExportOptions();
        if (options.Conventions is { } conventions) input = conventions.Mark(input);
        var graph = new OnnxGraphBuilder();
        var context = new OnnxConversionContext(graph, options.Registry ?? OnnxConverterRegistry.Default, input);
        context.Convert(pipeline);
        if (context.DeclaredOutputs.Count > 0)
        {
            foreach (var output in context.DeclaredOutputs) graph.AddOutput(output.Name, output.Value, output.Type, [.. output.Shape]);
        }
        else
        {
            AddColumnOutputs(context);
        }
        var metadata = new List<KeyValuePair<string, string>>();
        var classes = LearnerClasses(pipeline) ?? options.LabelClasses;
        if (classes is not null) metadata.Add(new(LabelClassesKey, JsonSerializer.Serialize(classes)));
        metadata.Add(new(InputSchemaKey, InputSchemaJson(input, graph)));
        // Apart from input_schema, whose entries readers take as strings alone; only of inputs the model reads, so that
        // a reader names no unseen category of a column the pipeline drops.
        var read = graph.ValuesOutputsDependOn();
        var categories = input.Features.Where(c => c.Categories is not null && read.Contains(c.Name))
            .ToDictionary(c => c.Name, c => c.Categories!);
        if (categories.Count > 0) metadata.Add(new(InputCategoriesKey, JsonSerializer.Serialize(categories)));
        return graph.ToModel(options.Description ?? Describe(pipeline), metadata);
    }

    /// <summary>The inputs of <paramref name="model"/> its outputs depend on: the columns the model reads (others are fed and unused).</summary>
    public static IReadOnlySet<string> InputsRead(ModelProto model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var reached = OnnxGraphBuilder.ValuesOutputsDependOn(model.Graph);
        return model.Graph.Input.Select(i => i.Name).Where(reached.Contains).ToHashSet(StringComparer.Ordinal);
    }

    private static void AddColumnOutputs(OnnxConversionContext context)
    {
        var any = false;
        foreach (var column in context.Schema.Features)
        {
            if (column.Kind == ColumnKind.Text && !context.Has(column.Name)) continue;
            var value = column.Kind switch
            {
                ColumnKind.Numeric => context.Numeric(column.Name),
                ColumnKind.Categorical => context.Categorical(column.Name),
                _ => context.Text(column.Name),
            };
            var name = column.Name + OutputSuffix;
            if (context.Graph.HasValue(name)) name = context.Graph.UniqueName(name);
            context.Graph.AddOutput(name, value, OnnxConversionContext.ElementType(column.Kind), OnnxDim.Rows, OnnxDim.Fixed(1));
            any = true;
        }
        if (!any) throw new OnnxExportException($"The pipeline outputs no numeric or categorical feature column ({context.Schema}), so the ONNX graph would have no output.");
    }

    private static IReadOnlyList<string>? LearnerClasses(ITransformer pipeline) => pipeline switch
    {
        IPredictor { Classes.Count: > 0 } predictor => predictor.Classes,
        TransformerChain chain => chain.Steps.Reverse().Select(LearnerClasses).FirstOrDefault(c => c is not null),
        _ => null,
    };

    private static string Describe(ITransformer pipeline)
    {
        var steps = pipeline is TransformerChain chain ? chain.Steps.Select(s => s.GetType().Name) : [pipeline.GetType().Name];
        return "Pipelines model: " + string.Join(" -> ", steps);
    }

    private static string InputSchemaJson(DataSchema input, OnnxGraphBuilder graph)
    {
        var columns = input.Features
            .Where(c => graph.HasValue(c.Name))
            .Select(c =>
            {
                var entry = new Dictionary<string, string>
                {
                    ["name"] = c.Name,
                    ["kind"] = c.Kind.ToString().ToLowerInvariant(),
                    ["onnx_type"] = c.Kind == ColumnKind.Numeric ? "tensor(float)[N,1]" : "tensor(string)[N,1]",
                };
                if (c.DateOrder is { } order) entry[DateOrderKey] = DateOrderNames[order];
                if (c.Unit is { } unit) entry[UnitKey] = unit;
                if (c.PointsGroupThousands) entry[PointsGroupThousandsKey] = "true";
                if (c.Magnitudes) entry[MagnitudesKey] = "true";
                if (c.NACode) entry[NACodeKey] = "true";
                return entry;
            });
        return JsonSerializer.Serialize(columns);
    }

    // An input_schema entry's keys for the order of the written dates an input is a part of (and its values), for
    // the unit its numbers were written with, for points between their thousands, for magnitudes after them, and for NA
    // as one of its codes.
    private const string DateOrderKey = "date_order";
    private const string UnitKey = "unit";
    private const string PointsGroupThousandsKey = "points_group_thousands";
    private const string MagnitudesKey = "magnitudes";
    private const string NACodeKey = "na_is_code";
    private static readonly Dictionary<DateOrder, string> DateOrderNames = new() { [DateOrder.DayFirst] = "day_first", [DateOrder.MonthFirst] = "month_first", [DateOrder.YearFirst] = "year_first" };

    /// <summary>
    /// The input an input_schema entry describes (<see cref="InputSchemaKey"/>): name, kind, and how its rows were written
    /// (<see cref="ColumnSchema.DateOrder"/>, <see cref="ColumnSchema.Unit"/>, <see cref="ColumnSchema.PointsGroupThousands"/>,
    /// <see cref="ColumnSchema.Magnitudes"/>, <see cref="ColumnSchema.NACode"/>);
    /// null when the entry lacks a name or a known kind.
    /// </summary>
    public static ColumnSchema? InputOf(IReadOnlyDictionary<string, string> entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!entry.TryGetValue("name", out var name) || !entry.TryGetValue("kind", out var kind) || !Enum.TryParse<ColumnKind>(kind, ignoreCase: true, out var parsed))
            return null;
        DateOrder? order = entry.TryGetValue(DateOrderKey, out var written) && DateOrderNames.FirstOrDefault(p => p.Value == written) is { Value: not null } found ? found.Key : null;
        return new ColumnSchema(name, parsed)
        {
            DateOrder = order, Unit = entry.GetValueOrDefault(UnitKey), PointsGroupThousands = entry.GetValueOrDefault(PointsGroupThousandsKey) == "true",
            Magnitudes = entry.GetValueOrDefault(MagnitudesKey) == "true", NACode = entry.GetValueOrDefault(NACodeKey) == "true",
        };
    }
}
