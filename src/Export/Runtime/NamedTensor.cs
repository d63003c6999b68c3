namespace Pipelines.Export.Runtime;

/// <summary>
/// A named tensor going into or coming out of <see cref="InferenceSession.Run"/>: float32, int64 or string elements in
/// row-major order, with a shape whose product is the element count (an output with an empty shape is a scalar).
/// </summary>
/// <remarks>The data array is held, not copied; do not change it while a run that uses it is in progress.</remarks>
public sealed class NamedTensor
{
    private readonly long[] _shape;

    private NamedTensor(string name, TensorElementType elementType, Array data, long[] shape)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(shape);
        long count = 1;
        foreach (var dimension in shape)
        {
            if (dimension < 0)
                throw new ArgumentException($"Tensor '{name}': shape [{string.Join(", ", shape)}] has a negative dimension.", nameof(shape));
            count *= dimension;
        }
        if (count != data.LongLength)
            throw new ArgumentException(
                $"Tensor '{name}': shape [{string.Join(", ", shape)}] holds {count} element(s), but the data has {data.LongLength}.", nameof(shape));
        Name = name;
        ElementType = elementType;
        Data = data;
        _shape = (long[])shape.Clone();
    }

    /// <summary>The input or output name.</summary>
    public string Name { get; }

    /// <summary><see cref="TensorElementType.Float"/>, <see cref="TensorElementType.Int64"/> or <see cref="TensorElementType.String"/>.</summary>
    public TensorElementType ElementType { get; }

    /// <summary>The dimensions, outermost first (for a batch, rows first).</summary>
    public IReadOnlyList<long> Shape => _shape;

    /// <summary>The number of elements (the product of <see cref="Shape"/>).</summary>
    public int Length => Data.Length;

    internal Array Data { get; }

    internal ReadOnlySpan<long> ShapeSpan => _shape;

    /// <summary>A float32 tensor; <paramref name="shape"/> defaults to one dimension of <c>data.Length</c>.</summary>
    public static NamedTensor FromFloats(string name, float[] data, params long[] shape) =>
        new(name, TensorElementType.Float, Checked(data), DefaultShape(data, shape));

    /// <summary>An int64 tensor; <paramref name="shape"/> defaults to one dimension of <c>data.Length</c>.</summary>
    public static NamedTensor FromInt64s(string name, long[] data, params long[] shape) =>
        new(name, TensorElementType.Int64, Checked(data), DefaultShape(data, shape));

    /// <summary>A string tensor (sent to ONNX Runtime as UTF-8); <paramref name="shape"/> defaults to one dimension of <c>data.Length</c>.</summary>
    public static NamedTensor FromStrings(string name, string[] data, params long[] shape)
    {
        Checked(data);
        for (var i = 0; i < data.Length; i++)
            if (data[i] is null) throw new ArgumentException($"Tensor '{name}': element {i} is null; use \"\" for an empty string.", nameof(data));
        return new(name, TensorElementType.String, data, DefaultShape(data, shape));
    }

    /// <summary>The elements of a float32 tensor (the array itself, not a copy).</summary>
    public float[] GetFloats() => As<float>(TensorElementType.Float);

    /// <summary>The elements of an int64 tensor (the array itself, not a copy).</summary>
    public long[] GetInt64s() => As<long>(TensorElementType.Int64);

    /// <summary>The elements of a string tensor (the array itself, not a copy).</summary>
    public string[] GetStrings() => As<string>(TensorElementType.String);

    /// <summary>For example "Y: Float[1000, 2]".</summary>
    public override string ToString() => $"{Name}: {ElementType}[{string.Join(", ", _shape)}]";

    internal static NamedTensor Create(string name, TensorElementType elementType, Array data, long[] shape) =>
        new(name, elementType, data, shape);

    private T[] As<T>(TensorElementType expected) =>
        ElementType == expected
            ? (T[])Data
            : throw new InvalidOperationException($"Tensor '{Name}' holds {ElementType} elements, not {expected}.");

    private static T[] Checked<T>(T[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data;
    }

    private static long[] DefaultShape(Array data, long[]? shape) =>
        shape is null || shape.Length == 0 ? [data.LongLength] : shape;
}
