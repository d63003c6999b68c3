namespace Pipelines.AutoML.Store;

/// <summary>
/// When a running trial counts as abandoned and what happens then: without a heartbeat for <see cref="Grace"/> it is
/// put back in the queue, unless it has had <see cref="MaxAttempts"/> claims already; then it is marked failed, so a
/// trial that kills its worker every time (out of memory, a crash) does not loop for ever.
/// </summary>
public sealed record RequeuePolicy
{
    public RequeuePolicy(TimeSpan grace, int maxAttempts)
    {
        if (grace <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(grace), grace, "The heartbeat grace period must be positive.");
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        Grace = grace;
        MaxAttempts = maxAttempts;
    }

    /// <summary>How long a running trial may go without a heartbeat.</summary>
    public TimeSpan Grace { get; }

    /// <summary>Claims a trial gets before it is marked failed instead of put back.</summary>
    public int MaxAttempts { get; }

    /// <summary>How often a worker heart-beats: five beats per grace period, so a few late ones do not lose the trial.</summary>
    public TimeSpan HeartbeatInterval => Grace / 5;

    /// <summary>The error recorded on a trial that ran out of attempts.</summary>
    internal string ExhaustedError(string worker, int attempts) =>
        $"its worker ({worker}) stopped heart-beating for {Grace.TotalSeconds:0.#} s on attempt {attempts} of {MaxAttempts}, so it is not retried; " +
        "a trial that keeps killing its worker (memory, a crash) should be run alone to see why";
}
