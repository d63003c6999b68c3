using System.Text.Json.Nodes;

namespace Pipelines.AutoML.SearchSpace;

/// <summary>
/// An integer in [<see cref="Min"/>, <see cref="Max"/>]. With t(k) = k (linear) or ln k (log scale, min &gt;= 1),
/// integer k owns the unit bucket [T(k), T(k + 1)) where T(k) = (t(k) - t(min)) / (t(max + 1) - t(min)), so on
/// a log scale small values get wider buckets. Decoding: k = floor(t⁻¹(t(min) + u (t(max + 1) - t(min)))),
/// clamped to the range; encoding puts k at the middle of its bucket. The default is <see cref="Min"/> unless given
/// (the cheap end for sizes such as rounds or leaves).
/// </summary>
public sealed class IntRange : Parameter, IUnitScale
{
    private readonly double _low;
    private readonly double _high;

    public IntRange(int min, int max, int? defaultValue = null, bool log = false)
    {
        if (!(min < max)) throw new SearchSpaceException($"IntRange needs min < max; got [{min}, {max}].");
        if (log && min < 1) throw new SearchSpaceException($"IntRange on a log scale needs min >= 1; got {min}.");
        Min = min;
        Max = max;
        Log = log;
        _low = T(min);
        _high = T(max + 1.0);
        Default = defaultValue ?? min;
        if (Default < min || Default > max) throw new SearchSpaceException($"IntRange default {Default} is outside [{min}, {max}].");
    }

    public int Min { get; }
    public int Max { get; }
    public bool Log { get; }
    public int Default { get; }

    public override int Dimension => 1;
    public override object DefaultValue => (double)Default;

    /// <summary>Max - Min + 1.</summary>
    public int? Levels => Max - Min + 1;

    /// <summary>The integer at unit coordinate <paramref name="unit"/> (clamped to [0, 1]).</summary>
    public int FromUnit(double unit)
    {
        var t = _low + Math.Clamp(unit, 0, 1) * (_high - _low);
        var x = Log ? Math.Exp(t) : t;
        // A hair of slack so a value that lands exactly on a bucket edge after exp/log is not floored down.
        return (int)Math.Clamp(Math.Floor(x + 1e-9), Min, Max);
    }

    /// <summary>The middle of <paramref name="value"/>'s bucket (value clamped into the range).</summary>
    public double ToUnit(int value)
    {
        var k = Math.Clamp(value, Min, Max);
        return ((T(k) + T(k + 1.0)) / 2 - _low) / (_high - _low);
    }

    public int LevelOf(double unit) => FromUnit(unit) - Min;

    public double UnitOf(int level) => ToUnit(Min + level);

    private double T(double k) => Log ? Math.Log(k) : k;

    internal override void AddDimensions(string path, List<UnitDimension> into) => into.Add(new UnitDimension(path, this));

    internal override void Decode(string name, ReadOnlySpan<double> unit, Parameters into) => into.Set(name, (double)FromUnit(Clamp(unit[0], name)));

    internal override void Encode(string name, Parameters values, Span<double> unit) => unit[0] = ToUnit(values.GetInt(name));

    internal override void WriteDefault(Span<double> unit) => unit[0] = ToUnit(Default);

    internal override JsonNode ToJson()
    {
        var node = new JsonObject { ["int"] = new JsonArray(Min, Max) };
        if (Log) node["log"] = true;
        node["default"] = Default;
        return node;
    }
}
