using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipelines.AutoML.SearchSpace;

/// <summary>
/// Reads and writes a <see cref="ParameterSpace"/> as JSON, so a sweep can be written by hand. A space is an object of
/// named parameters, kept in file order; each parameter is one of:
/// <list type="bullet">
/// <item><c>{"float": [min, max], "log": true, "default": 0.1}</c>: a real range; "log" (default false) and "default" optional.</item>
/// <item><c>{"int": [min, max], "log": true, "default": 4}</c>: an integer range, same options.</item>
/// <item><c>{"choice": ["none", "zscore", "robust"], "default": "none"}</c>: options that are strings or numbers.</item>
/// <item><c>{"choice": {"gbdt": {space}, "logreg": {space}}, "default": "gbdt"}</c>: a conditional choice; each
/// option's object is the sub-space active only when it is chosen.</item>
/// <item><c>{"const": value}</c>, or the bare value (<c>"k": 5</c>, <c>"loss": "l2"</c>): a constant.</item>
/// </list>
/// Example: <c>{"learner": {"choice": {"gbdt": {"num_leaves": {"int": [4, 256], "log": true, "default": 4}}, "logreg":
/// {"l2": {"float": [1e-6, 10], "log": true, "default": 1e-4}}}}, "scaling": {"choice": ["none", "zscore"]}}</c>.
/// Errors are <see cref="SearchSpaceException"/>s naming the JSON path of the bad node (e.g. $.learner.choice.gbdt.num_leaves).
/// </summary>
public static class SearchSpaceJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The space as indented JSON in the format above.</summary>
    public static string Write(ParameterSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        return space.ToJsonNode().ToJsonString(Indented);
    }

    /// <summary>Parses a space from JSON text in the format above.</summary>
    public static ParameterSpace Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new SearchSpaceException($"Search space JSON is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}");
        }
        return ReadSpace(root);
    }

    private static ParameterSpace ReadSpace(JsonNode? node)
    {
        if (node is not JsonObject obj) throw Error(node, "a search space must be an object of named parameters");
        var entries = new List<KeyValuePair<string, Parameter>>();
        foreach (var (name, value) in obj)
        {
            if (name.Contains('.', StringComparison.Ordinal)) throw Error(value, $"parameter name '{name}' holds '.', which joins names into paths");
            entries.Add(KeyValuePair.Create(name, ReadParameter(value, obj, name)));
        }
        return new ParameterSpace(entries);
    }

    private static Parameter ReadParameter(JsonNode? node, JsonObject parent, string name)
    {
        if (node is JsonValue bare) return new Constant(Scalar(bare));
        if (node is not JsonObject obj) throw Error(node ?? parent, $"parameter '{name}' must be an object such as {{\"float\": [0, 1]}}, or a constant value");
        string[] kinds = ["float", "int", "choice", "const"];
        var present = kinds.Where(obj.ContainsKey).ToArray();
        if (present.Length != 1)
            throw Error(obj, $"parameter '{name}' needs exactly one of \"float\", \"int\", \"choice\", \"const\"; found {(present.Length == 0 ? "none" : string.Join(", ", present))}");
        var kind = present[0];
        string[] allowed = kind switch { "float" or "int" => [kind, "log", "default"], "choice" => [kind, "default"], _ => [kind] };
        foreach (var (key, value) in obj)
        {
            if (!allowed.Contains(key)) throw Error(value ?? obj, $"unknown key \"{key}\" for a {kind} parameter; allowed: {string.Join(", ", allowed)}");
        }
        try
        {
            return kind switch
            {
                "float" => ReadFloat(obj),
                "int" => ReadInt(obj),
                "choice" => ReadChoice(obj),
                _ => new Constant(obj["const"] is JsonValue c ? Scalar(c) : throw Error(obj["const"] ?? obj, "\"const\" must be a string or a number")),
            };
        }
        catch (SearchSpaceException e) when (!e.Message.StartsWith("Search space JSON", StringComparison.Ordinal))
        {
            throw Error(obj, e.Message);
        }
    }

    private static FloatRange ReadFloat(JsonObject obj)
    {
        var (min, max) = Bounds(obj["float"], obj);
        double? def = obj["default"] is { } d ? Number(d) : null;
        return new FloatRange(min, max, def, Flag(obj["log"]));
    }

    private static IntRange ReadInt(JsonObject obj)
    {
        Bounds(obj["int"], obj);
        var pair = (JsonArray)obj["int"]!;
        int? def = obj["default"] is { } d ? Integer(d) : null;
        return new IntRange(Integer(pair[0]!), Integer(pair[1]!), def, Flag(obj["log"]));
    }

    private static Choice ReadChoice(JsonObject obj)
    {
        object? def = obj["default"] is JsonValue d ? Scalar(d) : obj["default"] is null ? null : throw Error(obj["default"], "a choice default must be one option's value");
        switch (obj["choice"])
        {
            case JsonArray values:
                if (values.Count == 0) throw Error(values, "a choice needs at least one option");
                return new Choice(values.Select(v => new ChoiceOption(v is JsonValue value ? Scalar(value) : throw Error(v ?? values, "choice options must be strings or numbers (use an object of sub-spaces for a conditional choice)"))), def);
            case JsonObject options:
                if (options.Count == 0) throw Error(options, "a choice needs at least one option");
                return new Choice(options.Select(o => new ChoiceOption(o.Key, ReadSpace(o.Value ?? throw Error(options, $"option '{o.Key}' is null; use {{}} for an option without parameters")))), def);
            default:
                throw Error(obj["choice"] ?? obj, "\"choice\" must be an array of values or an object of option sub-spaces");
        }
    }

    private static (double Min, double Max) Bounds(JsonNode? node, JsonObject parent)
    {
        if (node is not JsonArray { Count: 2 } pair) throw Error(node ?? parent, "a range must be [min, max]");
        var min = Number(pair[0] ?? parent);
        var max = Number(pair[1] ?? parent);
        if (!(min < max)) throw Error(pair, $"a range needs min < max; got [{min}, {max}]");
        return (min, max);
    }

    private static double Number(JsonNode node) =>
        node is JsonValue v && v.TryGetValue<double>(out var d) && double.IsFinite(d) ? d : throw Error(node, $"expected a finite number, got {node.ToJsonString()}");

    private static int Integer(JsonNode node)
    {
        var d = Number(node);
        return d == Math.Round(d) && d >= int.MinValue && d <= int.MaxValue ? (int)d : throw Error(node, $"expected an integer, got {node.ToJsonString()}");
    }

    private static bool Flag(JsonNode? node) =>
        node is null ? false : node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : throw Error(node, $"expected true or false, got {node.ToJsonString()}");

    private static object Scalar(JsonValue node)
    {
        if (node.TryGetValue<string>(out var s)) return s;
        if (node.TryGetValue<double>(out var d) && double.IsFinite(d)) return d;
        throw Error(node, $"expected a string or a number, got {node.ToJsonString()}");
    }

    private static SearchSpaceException Error(JsonNode? node, string problem) =>
        new($"Search space JSON at {node?.GetPath() ?? "$"}: {problem}.");
}
