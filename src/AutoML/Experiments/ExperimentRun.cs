using System.Diagnostics;
using Pipelines.AutoML.SearchSpace;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Experiments;

/// <summary>
/// What every phase of one <see cref="Experiment.Run"/> shares: the options, the training frame and its label, the
/// metric, the validation plan, how trials are scored and built, the trial book, the small-data rules, the clock and
/// the event sink. The search loop and the final model take this one context instead of the same dozen values each.
/// </summary>
internal sealed class ExperimentRun
{
    public required ExperimentOptions Options { get; init; }

    /// <summary>The training frame (label as a class label; text columns already left out).</summary>
    public required DataFrame Frame { get; init; }

    public required ExperimentTarget Target { get; init; }

    public required Metric Metric { get; init; }

    public required ValidationPlan Plan { get; init; }

    public required TrialScorer Scorer { get; init; }

    /// <summary>The pipeline of a trial's parameters under a model seed.</summary>
    public required Func<Parameters, int, EstimatorChain> Build { get; init; }

    /// <summary>The learners the search chooses among (the pipelines' factory and a refit need them).</summary>
    public required IReadOnlyList<ILearnerSpace> Learners { get; init; }

    /// <summary>Text feature columns left out of the search; the final model ignores them.</summary>
    public required IReadOnlyList<string> Dropped { get; init; }

    public required TrialBook Book { get; init; }

    public required SmallDataPolicy SmallData { get; init; }

    public required Stopwatch Clock { get; init; }

    /// <summary>
    /// The cores other processes leave free, which a refit takes its thread count from; null in the reproducible mode,
    /// whose promise is the same model under any load (LightGBM's sums depend on its thread count).
    /// </summary>
    public CpuShare? Cpu { get; init; }

    public Action<ExperimentEvent>? OnEvent { get; init; }

    /// <summary>Reports that <paramref name="phase"/> starts now.</summary>
    public void Enter(ExperimentPhase phase) => OnEvent?.Invoke(new PhaseStarted(phase, Clock.Elapsed));

    /// <summary>Time left of the budget, or null without one.</summary>
    public TimeSpan? Remaining => Options.TimeBudget is { } budget ? budget - Clock.Elapsed : null;
}
