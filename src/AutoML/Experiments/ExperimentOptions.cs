using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Store;
using Pipelines.Data;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Experiments;

/// <summary>
/// Settings of an <see cref="Experiment"/>. Give a time budget, a trial count, or both (whichever ends first); with a
/// trial count and no budget the run is reproducible: trials are reported to the tuner in id order and their cost is
/// the learners' deterministic estimate instead of measured seconds.
/// </summary>
public sealed record ExperimentOptions
{
    /// <summary>The metric to optimize; null picks <see cref="MetricChoice.Default"/> for the label.</summary>
    public Metric? Metric { get; init; }

    /// <summary>What to read the label as: decided from it (the default), classes, or values to regress (<see cref="LabelTask.Read"/>).</summary>
    public TaskChoice Task { get; init; } = TaskChoice.Auto;

    /// <summary>Wall-clock budget of this run, search and final refit together.</summary>
    public TimeSpan? TimeBudget { get; init; }

    /// <summary>Trials in the study in all (replayed ones count).</summary>
    public int? MaxTrials { get; init; }

    /// <summary>Folds: null chooses (<see cref="ValidationPlan.Create"/>), 1 is a 10% holdout.</summary>
    public int? Folds { get; init; }

    /// <summary>Repeats of the k-fold (averaged out-of-fold predictions): null chooses (<see cref="ValidationPlan.Create"/>: 3 on small data).</summary>
    public int? Repeats { get; init; }

    /// <summary>Trials run at once; each gets an equal share of the cores.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>One trial's share of the cores under <see cref="Parallelism"/> (at least one thread).</summary>
    internal int TrialThreads => Math.Max(1, Environment.ProcessorCount / Parallelism);

    /// <summary>A trial running longer is stopped and recorded as failed; null for no limit.</summary>
    public TimeSpan? TrialTimeLimit { get; init; }

    /// <summary>
    /// Managed memory above which the newest running trial is stopped and recorded as failed; null for 80% of the
    /// memory available to the process.
    /// </summary>
    public long? MemoryLimitBytes { get; init; }

    public int Seed { get; init; }

    public TunerKind Tuner { get; init; } = TunerKind.Eci;

    /// <summary>Values per numeric range for <see cref="TunerKind.Grid"/>.</summary>
    public int GridPoints { get; init; } = 5;

    /// <summary>The learners to search; null for <see cref="SearchSpaceCatalog.DefaultLearners"/>.</summary>
    public IReadOnlyList<ILearnerSpace>? Learners { get; init; }

    /// <summary>A space to search instead of the catalog's (a sweep); it must hold a "learner" choice.</summary>
    public ParameterSpace? Space { get; init; }

    /// <summary>How a classifier decides: calibration and a tuned rule (the default), a fixed threshold, or costs.</summary>
    public DecisionPolicy Decision { get; init; } = DecisionPolicy.Auto;

    /// <summary>Greedy ensemble selection steps; 0 turns ensembling off.</summary>
    public int EnsembleSize { get; init; } = 25;

    /// <summary>
    /// A refit of the final model that the caller runs after the experiment within the same time budget, on this many
    /// times the experiment's rows (<see cref="FinalModelRecipe.Refit"/>; the AutoML job refits on all rows after
    /// searching on its training part); 0, the default, for none. The search keeps time back for it as for its own
    /// refit, so <see cref="TimeBudget"/> then covers both refits.
    /// </summary>
    public double RefitAfterRun { get; init; }

    /// <summary>Where trials are written as they finish (and replayed from on resume); null keeps them in memory only.</summary>
    public ITrialStore? Store { get; init; }

    /// <summary>The study's name in the store.</summary>
    public string StudyName { get; init; } = "automl";

    /// <summary>The study kind recorded in the store.</summary>
    public string StudyKind { get; init; } = "automl";

    /// <summary>True when the run must be reproducible (a trial count and no time budget).</summary>
    internal bool IsReproducible => MaxTrials is not null && TimeBudget is null;

    internal void Validate()
    {
        if (TimeBudget is null && MaxTrials is null)
            throw new ArgumentException("Give the experiment a time budget, a trial count, or both.", nameof(TimeBudget));
        if (TimeBudget is { } budget && budget <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(TimeBudget), budget, "The time budget must be positive.");
        if (Repeats is < 1) throw new ArgumentOutOfRangeException(nameof(Repeats), Repeats, "At least one repeat of the folds.");
        if (MaxTrials is < 1) throw new ArgumentOutOfRangeException(nameof(MaxTrials), MaxTrials, "At least one trial.");
        if (Parallelism < 1) throw new ArgumentOutOfRangeException(nameof(Parallelism), Parallelism, "At least one trial at a time.");
        if (TrialTimeLimit is { } limit && limit <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(TrialTimeLimit), limit, "The trial time limit must be positive.");
        if (MemoryLimitBytes is < 1) throw new ArgumentOutOfRangeException(nameof(MemoryLimitBytes), MemoryLimitBytes, "The memory limit must be positive.");
        if (!(RefitAfterRun >= 0) || double.IsInfinity(RefitAfterRun)) throw new ArgumentOutOfRangeException(nameof(RefitAfterRun), RefitAfterRun, "0 (no refit after the run) or a finite row multiple.");
        if (EnsembleSize < 0) throw new ArgumentOutOfRangeException(nameof(EnsembleSize), EnsembleSize, "0 (no ensemble) or more.");
        if (GridPoints < 2) throw new ArgumentOutOfRangeException(nameof(GridPoints), GridPoints, "At least 2 grid points.");
        if (string.IsNullOrWhiteSpace(StudyName)) throw new ArgumentException("A study needs a name.", nameof(StudyName));
    }
}
