namespace Pipelines.Bench;

/// <summary>A bench's arguments name something it does not have; the message says what and what to use instead.</summary>
internal sealed class BenchUsageException(string message) : Exception(message);
