using Pipelines.Export.Onnx.Conversion;

namespace Pipelines.Export.Onnx;

/// <summary>Options of <see cref="OnnxExporter"/>.</summary>
/// <param name="Description">The model's doc_string; null describes the pipeline by its steps.</param>
/// <param name="LabelClasses">The label's class names for the metadata; null takes them from the pipeline's learner, else from the training frame's label.</param>
/// <param name="Registry">The converters to use; null is <see cref="OnnxConverterRegistry.Default"/>.</param>
/// <param name="Conventions">
/// How the training file wrote its columns (<see cref="IO.CsvOptions.Conventions"/>: the order of written dates, the
/// unit after numbers), kept on the inputs they apply to so that rows to predict are read alike; null where there are none.
/// </param>
public sealed record OnnxExportOptions(
    string? Description = null,
    IReadOnlyList<string>? LabelClasses = null,
    OnnxConverterRegistry? Registry = null,
    IO.ColumnConventions? Conventions = null);
