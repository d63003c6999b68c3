using System.Text.Json.Nodes;

namespace Pipelines.AutoML.SearchSpace;

/// <summary>
/// One named entry of a <see cref="ParameterSpace"/>: a <see cref="FloatRange"/>, <see cref="IntRange"/>,
/// <see cref="Choice"/> or <see cref="Constant"/>. Each maps its values to and from coordinates in [0, 1]
/// (<see cref="Dimension"/> of them), so tuners work on the unit cube without knowing the options.
/// Coordinates outside [0, 1] are clamped when decoding.
/// </summary>
public abstract class Parameter
{
    private protected Parameter() { }

    /// <summary>How many unit coordinates this parameter takes, sub-spaces of a choice included.</summary>
    public abstract int Dimension { get; }

    /// <summary>The value used for the first trial (a low-cost default, FLAML-style).</summary>
    public abstract object DefaultValue { get; }

    internal abstract void AddDimensions(string path, List<UnitDimension> into);

    /// <summary>Writes this parameter's decoded value (and a choice's active sub-parameters) into <paramref name="into"/>.</summary>
    internal abstract void Decode(string name, ReadOnlySpan<double> unit, Parameters into);

    /// <summary>Writes the unit coordinates of the value held under <paramref name="name"/>; inactive coordinates get their defaults.</summary>
    internal abstract void Encode(string name, Parameters values, Span<double> unit);

    /// <summary>Writes the unit coordinates of the defaults.</summary>
    internal abstract void WriteDefault(Span<double> unit);

    internal abstract JsonNode ToJson();

    /// <summary>The value as a double or string, as decoded values are stored: integers and floats as double.</summary>
    internal static object Normalize(object value, string what) => value switch
    {
        string s => s,
        double d when double.IsFinite(d) => d,
        float f when float.IsFinite(f) => (double)f,
        int i => (double)i,
        long l => (double)l,
        _ => throw new SearchSpaceException($"{what}: value '{value}' is not a string or a finite number."),
    };

    /// <summary>Clamps a unit coordinate into [0, 1]; NaN is refused.</summary>
    internal static double Clamp(double unit, string path)
    {
        if (double.IsNaN(unit)) throw new SearchSpaceException($"Unit coordinate for '{path}' is NaN; tuners must propose numbers in [0, 1].");
        return Math.Clamp(unit, 0.0, 1.0);
    }
}
