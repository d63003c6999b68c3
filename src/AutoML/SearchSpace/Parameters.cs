using System.Globalization;
using System.Text.Json.Nodes;

namespace Pipelines.AutoML.SearchSpace;

/// <summary>
/// Decoded parameter values by name, in space order: numbers as double, choices of strings as string. A conditional
/// choice also holds a section (<see cref="GetSection"/>) with the chosen option's parameters. Read with the typed
/// getters, which fail with a message naming the parameter and what it holds.
/// </summary>
public sealed class Parameters : IEquatable<Parameters>
{
    private readonly List<string> _names = [];
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Parameters> _sections = new(StringComparer.Ordinal);

    /// <summary>Parameter names in order.</summary>
    public IReadOnlyList<string> Names => _names;

    public int Count => _names.Count;

    public bool Contains(string name) => _values.ContainsKey(name);

    /// <summary>The raw value: a double or a string.</summary>
    public object Get(string name) =>
        _values.TryGetValue(name, out var value) ? value
            : throw new SearchSpaceException($"No parameter '{name}' here; present: {Present()}. Inactive parameters of a choice are in its section only when chosen.");

    /// <summary>A numeric parameter.</summary>
    public double GetDouble(string name) =>
        Get(name) is double d ? d : throw new SearchSpaceException($"Parameter '{name}' is the string '{Get(name)}', not a number.");

    /// <summary>A numeric parameter that holds a whole number in int range.</summary>
    public int GetInt(string name)
    {
        var d = GetDouble(name);
        if (d != Math.Round(d) || d < int.MinValue || d > int.MaxValue)
            throw new SearchSpaceException($"Parameter '{name}' is {d.ToString("R", CultureInfo.InvariantCulture)}, not an integer.");
        return (int)d;
    }

    /// <summary>A string parameter (a choice among strings, or a string constant).</summary>
    public string GetString(string name) =>
        Get(name) is string s ? s : throw new SearchSpaceException($"Parameter '{name}' is the number {Format(Get(name))}, not a string.");

    /// <summary>The chosen option's parameters of conditional choice <paramref name="name"/>.</summary>
    public Parameters GetSection(string name) =>
        _sections.TryGetValue(name, out var section) ? section
            : throw new SearchSpaceException($"Parameter '{name}' has no section (only a conditional choice has one); present: {Present()}.");

    internal void Set(string name, object value)
    {
        if (!_values.ContainsKey(name)) _names.Add(name);
        _values[name] = Parameter.Normalize(value, name);
    }

    internal void SetSection(string name, Parameters section) => _sections[name] = section;

    /// <summary>
    /// JSON object: numbers and strings as themselves; a conditional choice as {"option": {section}}.
    /// E.g. {"learner": {"gbdt": {"num_leaves": 4}}, "scaling": "none"}.
    /// </summary>
    public JsonObject ToJsonNode()
    {
        var node = new JsonObject();
        foreach (var name in _names)
        {
            JsonNode value = _values[name] is string s ? JsonValue.Create(s) : JsonValue.Create((double)_values[name]);
            if (_sections.TryGetValue(name, out var section)) value = new JsonObject { [Format(_values[name])] = section.ToJsonNode() };
            node[name] = value;
        }
        return node;
    }

    /// <summary>Reads the format written by <see cref="ToJsonNode"/>; a number where a string option is meant is not converted.</summary>
    public static Parameters FromJson(JsonObject node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var result = new Parameters();
        foreach (var (name, value) in node)
        {
            switch (value)
            {
                case JsonObject section when section.Count == 1:
                    var (option, inner) = section.First();
                    result.Set(name, option);
                    result.SetSection(name, FromJson(inner as JsonObject ?? throw Bad(inner)));
                    break;
                case JsonValue v when v.TryGetValue<string>(out var s):
                    result.Set(name, s);
                    break;
                case JsonValue v when v.TryGetValue<double>(out var d):
                    result.Set(name, d);
                    break;
                default:
                    throw Bad(value);
            }
        }
        return result;

        static SearchSpaceException Bad(JsonNode? node) =>
            new($"Parameters JSON at {node?.GetPath() ?? "$"}: expected a number, a string or {{\"option\": {{...}}}}.");
    }

    public override string ToString() => ToJsonNode().ToJsonString();

    public bool Equals(Parameters? other) => other is not null && ToString() == other.ToString();

    public override bool Equals(object? obj) => Equals(obj as Parameters);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    private string Present() => _names.Count == 0 ? "none" : string.Join(", ", _names);

    private static string Format(object value) => value is double d ? d.ToString("R", CultureInfo.InvariantCulture) : (string)value;
}
