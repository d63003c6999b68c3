using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.SearchSpace;
using Pipelines.Data;

namespace Pipelines.AutoML.Sweeps;

/// <summary>
/// A hyperparameter sweep that is not AutoML: a hand-written space (one learner, or a few, with optional pipeline
/// choices) searched by the tuner the user picks, with the experiment's cross-validation and trial store, and no
/// ensemble: the result's model is the best trial refit on all rows.
/// </summary>
public static class Sweep
{
    /// <param name="data">Training rows, label set.</param>
    /// <param name="spaceJson">The space file's text (<see cref="SearchSpaceJson"/>).</param>
    /// <param name="learner">The learner for a file of hyperparameters only.</param>
    /// <param name="options">Budget, tuner, store, study name...; its Space and EnsembleSize are set here.</param>
    /// <param name="onEvent">Progress events.</param>
    /// <param name="interrupt">Ends the sweep early, keeping what finished.</param>
    public static ExperimentResult Run(DataFrame data, string spaceJson, string? learner, ExperimentOptions options,
        Action<ExperimentEvent>? onEvent = null, CancellationToken interrupt = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var task = LabelTask.Read(data, options.Task).Task;
        var space = SweepSpace.Create(SearchSpaceJson.Read(spaceJson), learner, task, options.Learners);
        var sweep = options with { Space = space, EnsembleSize = 0, StudyKind = "sweep" };
        return new Experiment(sweep).Run(data, onEvent, interrupt);
    }
}
