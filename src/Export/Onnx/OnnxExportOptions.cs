using Pipelines.Export.Onnx.Conversion;

namespace Pipelines.Export.Onnx;

/// <summary>Options of <see cref="OnnxExporter"/>.</summary>
/// <param name="Description">The model's doc_string; null describes the pipeline by its steps.</param>
/// <param name="LabelClasses">The label's class names for the metadata; null takes them from the pipeline's learner, else from the training frame's label.</param>
/// <param name="Registry">The converters to use; null is <see cref="OnnxConverterRegistry.Default"/>.</param>
/// <param name="DateOrders">
/// The orders the training file's year-last dates were read in (<see cref="IO.CsvOptions.DateOrders"/>), kept on the
/// inputs that are their parts so that rows to predict are read alike; null where there are none.
/// </param>
public sealed record OnnxExportOptions(
    string? Description = null,
    IReadOnlyList<string>? LabelClasses = null,
    OnnxConverterRegistry? Registry = null,
    IReadOnlyDictionary<string, Data.DateOrder>? DateOrders = null);
