using Pipelines.AutoML.Store;

namespace Pipelines.AutoML.Experiments;

/// <summary>The stages of a run, in order.</summary>
public enum ExperimentPhase
{
    /// <summary>Reading stored trials of a resumed study and replaying them into the tuner.</summary>
    Resuming,
    Searching,
    Ensembling,
    /// <summary>Fitting the final model(s) on all training rows.</summary>
    Refitting,
    Done,
}

/// <summary>What an experiment reports while it runs (on the thread that called Run, one at a time).</summary>
public abstract record ExperimentEvent(TimeSpan Elapsed);

/// <summary>A phase began.</summary>
public sealed record PhaseStarted(ExperimentPhase Phase, TimeSpan Elapsed) : ExperimentEvent(Elapsed);

/// <summary>The search validates on less than its plan's k-fold because the budget cannot afford it; <paramref name="Detail"/> says why.</summary>
public sealed record ValidationNarrowed(string Detail, TimeSpan Elapsed) : ExperimentEvent(Elapsed);

/// <summary>A trial began.</summary>
public sealed record TrialStarted(int Id, string? Learner, TimeSpan Elapsed) : ExperimentEvent(Elapsed);

/// <summary>
/// A trial ended (succeeded, failed or cancelled). <paramref name="BestScore"/> is the best score over the study so
/// far; <paramref name="Remaining"/> the budget left (null without a budget).
/// </summary>
public sealed record TrialEnded(TrialEntry Trial, int TrialsDone, double? BestScore, TimeSpan Elapsed, TimeSpan? Remaining) : ExperimentEvent(Elapsed)
{
    /// <summary>Why a trial that succeeded ran fewer repeats of the folds than the plan has; null when it ran them all.</summary>
    public string? Note { get; init; }
}
