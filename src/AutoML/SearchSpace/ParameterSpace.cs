using System.Text.Json.Nodes;

namespace Pipelines.AutoML.SearchSpace;

/// <summary>
/// A search space as data: named parameters in order. Every point of the unit cube [0, 1]^<see cref="Dimension"/>
/// decodes to a <see cref="Parameters"/> (coordinates clamped into [0, 1]); every parameter set encodes back to a
/// point (inactive coordinates of conditional choices take their defaults), so tuners never see the options
/// (as ML.NET's SearchSpace). The coordinates are the leaves in depth-first order (<see cref="Dimensions"/>).
/// Write and read it as JSON with <see cref="SearchSpaceJson"/>.
/// </summary>
public sealed class ParameterSpace
{
    private readonly KeyValuePair<string, Parameter>[] _entries;

    public ParameterSpace(IEnumerable<KeyValuePair<string, Parameter>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = [.. entries];
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, parameter) in _entries)
        {
            if (string.IsNullOrEmpty(name) || name.Contains('.', StringComparison.Ordinal))
                throw new SearchSpaceException($"Parameter name '{name}' is empty or holds '.'; names are joined with '.' into paths.");
            if (!names.Add(name)) throw new SearchSpaceException($"Parameter '{name}' appears twice in one space.");
            ArgumentNullException.ThrowIfNull(parameter);
        }
        Dimension = _entries.Sum(e => e.Value.Dimension);
        var dims = new List<UnitDimension>(Dimension);
        AddDimensions("", dims);
        Dimensions = dims;
    }

    /// <summary>A space from (name, parameter) pairs, in order.</summary>
    public ParameterSpace(params (string Name, Parameter Parameter)[] entries)
        : this(entries.Select(e => KeyValuePair.Create(e.Name, e.Parameter))) { }

    /// <summary>The number of unit coordinates.</summary>
    public int Dimension { get; }

    /// <summary>Path and scale of every coordinate, in vector order.</summary>
    public IReadOnlyList<UnitDimension> Dimensions { get; }

    /// <summary>Parameter names at this level, in order.</summary>
    public IEnumerable<string> Names => _entries.Select(e => e.Key);

    public Parameter this[string name] =>
        _entries.FirstOrDefault(e => e.Key == name).Value
        ?? throw new SearchSpaceException($"No parameter '{name}' in this space; present: {string.Join(", ", Names)}.");

    /// <summary>Decodes a unit point (length <see cref="Dimension"/>; coordinates clamped into [0, 1]).</summary>
    public Parameters Decode(ReadOnlySpan<double> point)
    {
        CheckLength(point.Length);
        var result = new Parameters();
        DecodeInto(point, result);
        return result;
    }

    /// <summary>The unit point of <paramref name="values"/>; coordinates inactive under its choices take their defaults.</summary>
    public double[] Encode(Parameters values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var point = new double[Dimension];
        EncodeInto(values, point);
        return point;
    }

    /// <summary>The unit point of every parameter's default: the first trial of a low-cost-first search.</summary>
    public double[] DefaultPoint()
    {
        var point = new double[Dimension];
        WriteDefault(point);
        return point;
    }

    /// <summary>The default parameters (the decoded <see cref="DefaultPoint"/>).</summary>
    public Parameters Default => Decode(DefaultPoint());

    /// <summary>
    /// This space with top-level choice <paramref name="name"/> narrowed to the single option <paramref name="option"/>
    /// (which keeps its sub-space), so its coordinate disappears: the space one learner's tuner searches.
    /// </summary>
    public ParameterSpace Pin(string name, string option)
    {
        if (this[name] is not Choice choice) throw new SearchSpaceException($"Parameter '{name}' is not a choice, so it cannot be pinned.");
        var index = choice.IndexOf(option);
        if (index < 0) throw new SearchSpaceException($"Choice '{name}' has no option '{option}'; options: {string.Join(", ", choice.Options)}.");
        return new ParameterSpace(_entries.Select(e => e.Key == name ? KeyValuePair.Create(name, (Parameter)new Choice([choice.Options[index]])) : e));
    }

    /// <summary>The space as JSON (see <see cref="SearchSpaceJson"/> for the format).</summary>
    public JsonObject ToJsonNode()
    {
        var node = new JsonObject();
        foreach (var (name, parameter) in _entries) node[name] = parameter.ToJson();
        return node;
    }

    internal void AddDimensions(string prefix, List<UnitDimension> into)
    {
        foreach (var (name, parameter) in _entries) parameter.AddDimensions(prefix.Length == 0 ? name : $"{prefix}.{name}", into);
    }

    internal void DecodeInto(ReadOnlySpan<double> point, Parameters into)
    {
        var offset = 0;
        foreach (var (name, parameter) in _entries)
        {
            parameter.Decode(name, point.Slice(offset, parameter.Dimension), into);
            offset += parameter.Dimension;
        }
    }

    internal void EncodeInto(Parameters values, Span<double> point)
    {
        var offset = 0;
        foreach (var (name, parameter) in _entries)
        {
            parameter.Encode(name, values, point.Slice(offset, parameter.Dimension));
            offset += parameter.Dimension;
        }
    }

    internal void WriteDefault(Span<double> point)
    {
        var offset = 0;
        foreach (var (_, parameter) in _entries)
        {
            parameter.WriteDefault(point.Slice(offset, parameter.Dimension));
            offset += parameter.Dimension;
        }
    }

    private void CheckLength(int length)
    {
        if (length != Dimension) throw new SearchSpaceException($"A point of this space has {Dimension} coordinates; got {length}.");
    }
}
