using System.Text.Json.Nodes;

namespace Pipelines.AutoML.SearchSpace;

/// <summary>
/// One of a list of options (strings or numbers). With n options, option i owns the unit bucket [i/n, (i+1)/n)
/// and is encoded at its middle (i + 0.5)/n; a single option takes no coordinate. Options may carry sub-spaces
/// (a learner's parameters exist only when that learner is chosen): the flat vector then holds the choice's own
/// coordinate followed by every option's sub-space in order, and decoding reads only the chosen option's part
/// (inactive coordinates are ignored). A conditional choice decodes to its value plus a section of
/// <see cref="Parameters"/> under the same name holding the chosen option's parameters.
/// </summary>
public sealed class Choice : Parameter, IUnitScale
{
    private readonly int _head;

    public Choice(IEnumerable<ChoiceOption> options, object? defaultValue = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = [.. options];
        if (Options.Count == 0) throw new SearchSpaceException("A choice needs at least one option.");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in Options)
        {
            if (!names.Add(option.ToString())) throw new SearchSpaceException($"Choice option '{option}' appears twice; options must differ.");
        }
        DefaultIndex = defaultValue is null ? 0 : IndexOf(Normalize(defaultValue, nameof(Choice)));
        if (DefaultIndex < 0) throw new SearchSpaceException($"Choice default '{defaultValue}' is not one of the options ({string.Join(", ", Options)}).");
        _head = Options.Count > 1 ? 1 : 0;
        Dimension = _head + Options.Sum(o => o.Space?.Dimension ?? 0);
    }

    /// <summary>A choice among plain values (no sub-spaces).</summary>
    public Choice(params object[] values) : this(values.Select(v => new ChoiceOption(v))) { }

    public IReadOnlyList<ChoiceOption> Options { get; }

    /// <summary>The index of the default option (the first unless given).</summary>
    public int DefaultIndex { get; }

    /// <summary>True when some option carries a sub-space; decoded values then come with a section.</summary>
    public bool IsConditional => Options.Any(o => o.Space is not null);

    public override int Dimension { get; }
    public override object DefaultValue => Options[DefaultIndex].Value;

    /// <summary>The number of options.</summary>
    public int? Levels => Options.Count;

    public int LevelOf(double unit) => Math.Clamp((int)Math.Floor(Math.Clamp(unit, 0, 1) * Options.Count), 0, Options.Count - 1);

    public double UnitOf(int level) => (level + 0.5) / Options.Count;

    /// <summary>The option index holding <paramref name="value"/> (a string or double), or -1.</summary>
    public int IndexOf(object value)
    {
        for (var i = 0; i < Options.Count; i++)
        {
            if (Options[i].Value.Equals(value)) return i;
        }
        return -1;
    }

    internal override void AddDimensions(string path, List<UnitDimension> into)
    {
        if (_head == 1) into.Add(new UnitDimension(path, this));
        foreach (var option in Options) option.Space?.AddDimensions($"{path}.{option}", into);
    }

    internal override void Decode(string name, ReadOnlySpan<double> unit, Parameters into)
    {
        var chosen = _head == 1 ? LevelOf(Clamp(unit[0], name)) : 0;
        into.Set(name, Options[chosen].Value);
        if (!IsConditional) return;
        var section = new Parameters();
        var offset = _head;
        for (var i = 0; i < Options.Count; i++)
        {
            var space = Options[i].Space;
            if (space is null) continue;
            if (i == chosen) space.DecodeInto(unit.Slice(offset, space.Dimension), section);
            offset += space.Dimension;
        }
        into.SetSection(name, section);
    }

    internal override void Encode(string name, Parameters values, Span<double> unit)
    {
        var value = values.Get(name);
        var chosen = IndexOf(value);
        if (chosen < 0) throw new SearchSpaceException($"Parameter '{name}' is '{value}', which is not one of its options ({string.Join(", ", Options)}).");
        if (_head == 1) unit[0] = UnitOf(chosen);
        var offset = _head;
        for (var i = 0; i < Options.Count; i++)
        {
            var space = Options[i].Space;
            if (space is null) continue;
            var slice = unit.Slice(offset, space.Dimension);
            if (i == chosen) space.EncodeInto(values.GetSection(name), slice);
            else space.WriteDefault(slice);
            offset += space.Dimension;
        }
    }

    internal override void WriteDefault(Span<double> unit)
    {
        if (_head == 1) unit[0] = UnitOf(DefaultIndex);
        var offset = _head;
        foreach (var option in Options)
        {
            if (option.Space is null) continue;
            option.Space.WriteDefault(unit.Slice(offset, option.Space.Dimension));
            offset += option.Space.Dimension;
        }
    }

    internal override JsonNode ToJson()
    {
        JsonNode options;
        if (IsConditional)
        {
            var map = new JsonObject();
            foreach (var option in Options) map[option.ToString()] = option.Space?.ToJsonNode() ?? new JsonObject();
            options = map;
        }
        else
        {
            options = new JsonArray([.. Options.Select(o => o.Value is string s ? JsonValue.Create(s) : (JsonNode)JsonValue.Create((double)o.Value))]);
        }
        return new JsonObject { ["choice"] = options, ["default"] = DefaultValue is string d ? JsonValue.Create(d) : JsonValue.Create((double)DefaultValue) };
    }
}
