namespace Pipelines.Export.Onnx.Conversion;

/// <summary>
/// Marks an <see cref="IOnnxConverter"/> (with a public parameterless constructor) for <see cref="OnnxConverterRegistry.Default"/>:
/// adding a converter is adding one such class under src/Export/Onnx/Converters/.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OnnxConverterAttribute : Attribute;
