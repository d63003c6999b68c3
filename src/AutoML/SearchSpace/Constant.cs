using System.Text.Json.Nodes;

namespace Pipelines.AutoML.SearchSpace;

/// <summary>A fixed value (a string or a number): no unit coordinates, always decoded to <see cref="Value"/>.</summary>
public sealed class Constant : Parameter
{
    /// <param name="value">A string or a finite number (stored as double).</param>
    public Constant(object value) => Value = Normalize(value, nameof(Constant));

    /// <summary>The value: a string or a double.</summary>
    public object Value { get; }

    public override int Dimension => 0;
    public override object DefaultValue => Value;

    internal override void AddDimensions(string path, List<UnitDimension> into) { }

    internal override void Decode(string name, ReadOnlySpan<double> unit, Parameters into) => into.Set(name, Value);

    internal override void Encode(string name, Parameters values, Span<double> unit) { }

    internal override void WriteDefault(Span<double> unit) { }

    internal override JsonNode ToJson() => new JsonObject { ["const"] = Value is string s ? JsonValue.Create(s) : JsonValue.Create((double)Value) };
}
