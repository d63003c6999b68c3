using System.Reflection;

namespace Pipelines.Export.Onnx.Conversion;

/// <summary>
/// Converters by the exact fitted type they convert (as skl2onnx's registry). Immutable: <see cref="With"/> returns a new
/// registry. Two converters for one type are refused; a type without one is an <see cref="OnnxExportException"/> naming it.
/// </summary>
public sealed class OnnxConverterRegistry
{
    private static readonly Lazy<OnnxConverterRegistry> DefaultRegistry = new(() => FromAssemblies(typeof(OnnxConverterRegistry).Assembly));
    private readonly Dictionary<Type, IOnnxConverter> _converters;

    /// <summary>A registry of <paramref name="converters"/>; two for the same type are an <see cref="ArgumentException"/>.</summary>
    public OnnxConverterRegistry(IEnumerable<IOnnxConverter> converters)
    {
        ArgumentNullException.ThrowIfNull(converters);
        _converters = [];
        foreach (var converter in converters) Add(_converters, converter);
    }

    /// <summary>Every converter marked with <see cref="OnnxConverterAttribute"/> in this assembly.</summary>
    public static OnnxConverterRegistry Default => DefaultRegistry.Value;

    /// <summary>How many types have a converter.</summary>
    public int Count => _converters.Count;

    /// <summary>The fitted types that have a converter.</summary>
    public IReadOnlyCollection<Type> Types => _converters.Keys;

    /// <summary>A registry of every class marked with <see cref="OnnxConverterAttribute"/> in <paramref name="assemblies"/>.</summary>
    public static OnnxConverterRegistry FromAssemblies(params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        var converters = new List<IOnnxConverter>();
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()).Where(t => t.GetCustomAttribute<OnnxConverterAttribute>() is not null).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (!typeof(IOnnxConverter).IsAssignableFrom(type) || type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
                throw new InvalidOperationException($"{type.FullName} has [OnnxConverter] but is not a concrete IOnnxConverter with a public parameterless constructor.");
            converters.Add((IOnnxConverter)Activator.CreateInstance(type)!);
        }
        return new OnnxConverterRegistry(converters);
    }

    /// <summary>A new registry with <paramref name="converter"/> added; a type that already has one is an <see cref="ArgumentException"/>.</summary>
    public OnnxConverterRegistry With(IOnnxConverter converter) => new([.. _converters.Values, converter]);

    /// <summary>The converter for exactly <paramref name="type"/>, if there is one.</summary>
    public bool TryFind(Type type, out IOnnxConverter converter) => _converters.TryGetValue(type, out converter!);

    /// <summary>The converter for exactly <paramref name="type"/>; none is an <see cref="OnnxExportException"/> naming the type.</summary>
    public IOnnxConverter Find(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (_converters.TryGetValue(type, out var converter)) return converter;
        throw new OnnxExportException(
            $"no ONNX converter for {type.FullName} ({Count} registered). Add a class deriving from OnnxConverter<{type.Name}> " +
            "with [OnnxConverter] under src/Export/Onnx/Converters, or pass a registry that has one.");
    }

    private static void Add(Dictionary<Type, IOnnxConverter> converters, IOnnxConverter converter)
    {
        ArgumentNullException.ThrowIfNull(converter);
        var type = converter.TransformerType;
        if (!converters.TryAdd(type, converter))
            throw new ArgumentException(
                $"Two ONNX converters for {type.FullName}: {converters[type].GetType().FullName} and {converter.GetType().FullName}; keep one.", nameof(converter));
    }
}
