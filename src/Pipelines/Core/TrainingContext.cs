namespace Pipelines.Core;

/// <summary>
/// Ambient limits for whatever trains on the current logical thread (it flows into tasks and Parallel loops): a
/// cancellation token that long-running trainers check between rounds, trees or epochs, and a cap on the threads one
/// training may use. AutoML enters a context per trial so a trial can be stopped (time or memory limit, Ctrl-C) and
/// two trials running at once do not each take every core. Outside any context nothing is cancelled and the cap is
/// the processor count.
/// </summary>
public static class TrainingContext
{
    private static readonly AsyncLocal<Scope?> Current = new();

    /// <summary>The token of the innermost context, or none.</summary>
    public static CancellationToken Cancellation => Current.Value?.Token ?? CancellationToken.None;

    /// <summary>Threads one training may use here: the innermost context's cap, else the processor count.</summary>
    public static int MaxThreads => Current.Value?.MaxThreads ?? Environment.ProcessorCount;

    /// <summary>
    /// Enters a context for the current logical thread until the returned scope is disposed. A null
    /// <paramref name="maxThreads"/> keeps the enclosing cap.
    /// </summary>
    public static IDisposable Enter(CancellationToken cancellation, int? maxThreads = null)
    {
        if (maxThreads is < 1) throw new ArgumentOutOfRangeException(nameof(maxThreads), maxThreads, "A thread cap is at least 1.");
        var scope = new Scope(Current.Value, Math.Min(maxThreads ?? MaxThreads, Environment.ProcessorCount), cancellation);
        Current.Value = scope;
        return scope;
    }

    /// <summary>Throws <see cref="OperationCanceledException"/> when the current context was cancelled; trainers call it between units of work.</summary>
    public static void ThrowIfCancelled() => Cancellation.ThrowIfCancellationRequested();

    /// <summary>A thread count for an option that may be null: the option (capped by the context) or the context's cap.</summary>
    public static int Threads(int? requested) => Math.Min(requested ?? MaxThreads, MaxThreads);

    private sealed class Scope(Scope? parent, int maxThreads, CancellationToken token) : IDisposable
    {
        public CancellationToken Token { get; } = token;
        public int MaxThreads { get; } = maxThreads;

        public void Dispose()
        {
            if (Current.Value == this) Current.Value = parent;
        }
    }
}
