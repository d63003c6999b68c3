using Pipelines.Core;

namespace Pipelines.Export.Onnx.Conversion;

/// <summary>
/// Writes one fitted type into an ONNX graph, reading only its public learned state. A converter reads the columns
/// the step reads (<see cref="OnnxConversionContext.Numeric"/>, <see cref="OnnxConversionContext.Categorical"/>),
/// adds nodes, and defines the columns the step outputs (<see cref="OnnxConversionContext.SetNumeric"/>, ...).
/// Mark the class with <see cref="OnnxConverterAttribute"/> to have <see cref="OnnxConverterRegistry.Default"/> find it.
/// </summary>
public interface IOnnxConverter
{
    /// <summary>The exact fitted type converted.</summary>
    Type TransformerType { get; }

    /// <summary>Adds <paramref name="transformer"/>'s nodes to the graph of <paramref name="context"/>.</summary>
    void Convert(ITransformer transformer, OnnxConversionContext context);
}

/// <summary>Base of converters: one fitted type <typeparamref name="T"/>, handed over typed.</summary>
public abstract class OnnxConverter<T> : IOnnxConverter where T : ITransformer
{
    /// <inheritdoc/>
    public Type TransformerType => typeof(T);

    /// <inheritdoc/>
    public void Convert(ITransformer transformer, OnnxConversionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (transformer is not T typed)
            throw new ArgumentException($"The {typeof(T).Name} converter was given a {transformer?.GetType().Name ?? "null"}.", nameof(transformer));
        Convert(typed, context);
    }

    /// <summary>Adds <paramref name="transformer"/>'s nodes to the graph of <paramref name="context"/>.</summary>
    protected abstract void Convert(T transformer, OnnxConversionContext context);
}
