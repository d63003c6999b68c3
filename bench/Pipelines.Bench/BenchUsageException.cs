namespace Pipelines.Bench;

/// <summary>
/// A bench's arguments name something it does not have, or give a number it cannot use; the message says which
/// argument and what to give instead.
/// </summary>
internal sealed class BenchUsageException(string message) : Exception(message);
