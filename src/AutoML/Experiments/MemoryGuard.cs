namespace Pipelines.AutoML.Experiments;

/// <summary>
/// Decides when running trials use too much memory. The probe reads the managed heap; trials run in-process, so the
/// guard cannot tell whose bytes they are and stops the newest trial (the one with the least work to lose) until the
/// heap is back under the limit. A trial already asked to stop is given time to unwind before another is chosen.
/// </summary>
internal sealed class MemoryGuard(long limitBytes, Func<long> probe)
{
    /// <summary>The default limit: 80% of the memory the runtime says the process may use.</summary>
    public static long DefaultLimit() => (long)(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes * 0.8);

    /// <summary>The default probe: bytes on the managed heap now (without forcing a collection).</summary>
    public static long ManagedHeapBytes() => GC.GetTotalMemory(forceFullCollection: false);

    public long LimitBytes { get; } = limitBytes;

    /// <summary>The trial to stop now, or null.</summary>
    public RunningTrial? Check(IReadOnlyList<RunningTrial> running)
    {
        if (running.Count == 0 || running.Any(r => r.StopReason is not null && !r.Task.IsCompleted)) return null;
        var used = probe();
        if (used <= LimitBytes) return null;
        // Garbage counts in the probe; only stop a trial if a collection does not bring the heap under the limit.
        GC.Collect();
        used = probe();
        if (used <= LimitBytes) return null;
        return running.Where(r => !r.Task.IsCompleted).MaxBy(r => r.Trial.Id);
    }

    /// <summary>The failure text recorded on a stopped trial.</summary>
    public string Reason() => $"stopped by the memory guard: the process used more than {LimitBytes / (1024 * 1024)} MiB; raise the memory limit or narrow the search space";
}
