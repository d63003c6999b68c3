namespace Pipelines.Export.Onnx;

/// <summary>One dimension of a graph input or output: a fixed size or a named symbol (the row count).</summary>
public readonly record struct OnnxDim
{
    private OnnxDim(long value, string? symbol)
    {
        Value = value;
        Symbol = symbol;
    }

    /// <summary>The row dimension every graph input and output shares, named "N".</summary>
    public static OnnxDim Rows { get; } = new(0, "N");

    /// <summary>The fixed size, when <see cref="Symbol"/> is null.</summary>
    public long Value { get; }

    /// <summary>The symbol (dim_param), or null for a fixed size.</summary>
    public string? Symbol { get; }

    /// <summary>A dimension of fixed size <paramref name="value"/> (0 or more).</summary>
    public static OnnxDim Fixed(long value) =>
        value < 0 ? throw new ArgumentOutOfRangeException(nameof(value), "A dimension cannot be negative.") : new(value, null);

    /// <summary>A dimension named <paramref name="symbol"/>, the same size wherever the name is used.</summary>
    public static OnnxDim Named(string symbol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        return new(0, symbol);
    }

    /// <inheritdoc/>
    public override string ToString() => Symbol ?? Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
