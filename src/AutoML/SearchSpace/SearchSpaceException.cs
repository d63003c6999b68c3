using Pipelines.Errors;

namespace Pipelines.AutoML.SearchSpace;

/// <summary>A search space or parameter set that is malformed or asked for something it does not hold.</summary>
public sealed class SearchSpaceException(string message) : PipelineException(message);
