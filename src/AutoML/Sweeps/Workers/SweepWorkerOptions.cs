using Pipelines.AutoML.SearchSpace;

namespace Pipelines.AutoML.Sweeps.Workers;

/// <summary>How one worker runs; the study itself (space, data, tuner, budget) comes from the store.</summary>
public sealed record SweepWorkerOptions
{
    /// <summary>The worker's id in the store; null for host-pid-random.</summary>
    public string? WorkerId { get; init; }

    /// <summary>Where this host has the study's data file, when not at the path given at create.</summary>
    public string? DataPath { get; init; }

    /// <summary>Claim no new trial after this long (the trial in hand still finishes); null for no limit.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Stop after finishing this many trials; null for no limit.</summary>
    public int? MaxTrials { get; init; }

    /// <summary>Threads a trial trains with; null for every core.</summary>
    public int? Threads { get; init; }

    /// <summary>How long to wait between claims when there is nothing to claim (at most a third of the grace period).</summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The learners known by name; null for the catalog's (tests give their own). Every worker of a study must use the same.</summary>
    public IReadOnlyList<ILearnerSpace>? Learners { get; init; }

    /// <summary>A worker id unique across hosts and processes: host, process id and a random suffix.</summary>
    public static string NewWorkerId() => $"{Environment.MachineName}-{Environment.ProcessId}-{Random.Shared.Next(0x10000):x4}";
}
