using System.Diagnostics;
using Pipelines.AutoML.Tuners;

namespace Pipelines.AutoML.Experiments;

/// <summary>A trial in flight: its task, its stop switch and why it was stopped, if it was.</summary>
internal sealed class RunningTrial(Trial trial, int proposedAfter, DateTimeOffset startedAt, CancellationTokenSource stop)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public Trial Trial { get; } = trial;
    public int ProposedAfter { get; } = proposedAfter;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public CancellationTokenSource Stop { get; } = stop;
    public TrialProgress Progress { get; } = new();
    public Task<TrialResult> Task { get; set; } = System.Threading.Tasks.Task.FromException<TrialResult>(new InvalidOperationException("not started"));

    /// <summary>Why it was stopped (null when it was not); a failure reason makes it Failed, otherwise Cancelled.</summary>
    public string? StopReason { get; private set; }

    /// <summary>True when the stop counts against the trial (time or memory limit), false for the end of the search.</summary>
    public bool StopIsFailure { get; private set; }

    public double Seconds => _clock.Elapsed.TotalSeconds;

    /// <summary>Asks the trial to stop at its next check; the first reason given wins.</summary>
    public void RequestStop(string reason, bool isFailure)
    {
        // Called from the search loop and from the time-limit timer's thread.
        lock (_clock)
        {
            if (StopReason is not null || Task.IsCompleted) return;
            StopReason = reason;
            StopIsFailure = isFailure;
        }
        Stop.Cancel();
    }

    public void Freeze() => _clock.Stop();
}
