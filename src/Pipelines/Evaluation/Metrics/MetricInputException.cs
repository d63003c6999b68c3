using Pipelines.Errors;

namespace Pipelines.Evaluation;

/// <summary>
/// Inputs a metric cannot be computed from: arrays of different lengths, a probability row that is not
/// finite, a class code outside the class count, a label with a single class for a ranking metric.
/// The message names the metric, the row and what to do.
/// </summary>
public sealed class MetricInputException(string message) : PipelineException(message);
