using System.Text.Json.Nodes;

namespace Pipelines.AutoML.SearchSpace;

/// <summary>
/// A real number in [<see cref="Min"/>, <see cref="Max"/>]. Linear scale: u = (x - min) / (max - min).
/// Log scale (min &gt; 0): u = (ln x - ln min) / (ln max - ln min), so each factor of ten gets equal room.
/// Decoding inverts the map after clamping u to [0, 1]. The default is the value at u = 0.5 unless given.
/// </summary>
public sealed class FloatRange : Parameter, IUnitScale
{
    private readonly double _low;
    private readonly double _high;

    public FloatRange(double min, double max, double? defaultValue = null, bool log = false)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || !(min < max))
            throw new SearchSpaceException($"FloatRange needs finite min < max; got [{min}, {max}].");
        if (log && !(min > 0)) throw new SearchSpaceException($"FloatRange on a log scale needs min > 0; got {min}.");
        Min = min;
        Max = max;
        Log = log;
        _low = log ? Math.Log(min) : min;
        _high = log ? Math.Log(max) : max;
        Default = defaultValue ?? FromUnit(0.5);
        if (!(Default >= min && Default <= max)) throw new SearchSpaceException($"FloatRange default {Default} is outside [{min}, {max}].");
    }

    public double Min { get; }
    public double Max { get; }
    public bool Log { get; }
    public double Default { get; }

    public override int Dimension => 1;
    public override object DefaultValue => Default;
    public int? Levels => null;

    /// <summary>The unit coordinate of <paramref name="value"/> (clamped into the range).</summary>
    public double ToUnit(double value)
    {
        var t = Log ? Math.Log(Math.Clamp(value, Min, Max)) : Math.Clamp(value, Min, Max);
        return (t - _low) / (_high - _low);
    }

    /// <summary>The value at unit coordinate <paramref name="unit"/> (clamped to [0, 1]).</summary>
    public double FromUnit(double unit)
    {
        var t = _low + Math.Clamp(unit, 0, 1) * (_high - _low);
        return Math.Clamp(Log ? Math.Exp(t) : t, Min, Max);
    }

    /// <summary>Continuous: always 0.</summary>
    public int LevelOf(double unit) => 0;

    /// <summary>Continuous: the middle, 0.5.</summary>
    public double UnitOf(int level) => 0.5;

    internal override void AddDimensions(string path, List<UnitDimension> into) => into.Add(new UnitDimension(path, this));

    internal override void Decode(string name, ReadOnlySpan<double> unit, Parameters into) => into.Set(name, FromUnit(Clamp(unit[0], name)));

    internal override void Encode(string name, Parameters values, Span<double> unit) => unit[0] = ToUnit(values.GetDouble(name));

    internal override void WriteDefault(Span<double> unit) => unit[0] = ToUnit(Default);

    internal override JsonNode ToJson()
    {
        var node = new JsonObject { ["float"] = new JsonArray(Min, Max) };
        if (Log) node["log"] = true;
        node["default"] = Default;
        return node;
    }
}
