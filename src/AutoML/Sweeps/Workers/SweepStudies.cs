using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Store;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.AutoML.Sweeps.Workers;

/// <summary>
/// Studies run by workers (<see cref="SweepWorker"/>): create one in a shared store, read its definition back, follow
/// its progress and refit its best trial.
/// </summary>
public static class SweepStudies
{
    /// <summary>
    /// Creates study <paramref name="name"/> in <paramref name="store"/>: reads the data (to check the label, space and
    /// metric now rather than on every worker, and to take its fingerprint), stores the definition, and queues the
    /// whole plan of a grid or random study. Creating a study again with the same settings changes nothing.
    /// </summary>
    public static CreatedStudy Create(ISharedTrialStore store, string name, SweepStudyOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        WorkerTuners.Check(options.Tuner, options.Trials);
        var data = StudyData.Load(options.DataPath, options.Label, options.Task, options.Learners, options.Ignore ?? [], options.Sheet);
        var metric = options.Metric ?? MetricChoice.Default(data.Target);
        MetricChoice.Check(metric, data.Task);
        var definition = new WorkerStudy
        {
            Space = options.SpaceJson,
            Learner = options.Learner,
            DataPath = data.Path,
            DataFingerprint = data.Fingerprint,
            Label = options.Label,
            Metric = metric,
            Task = options.Task,
            Ignore = options.Ignore ?? [],
            Sheet = options.Sheet,
            Folds = options.Folds,
            Seed = options.Seed,
            Tuner = options.Tuner,
            GridPoints = options.GridPoints,
            Trials = options.Trials,
            Requeue = new RequeuePolicy(options.Grace, options.MaxAttempts),
        };
        var space = data.Space(definition);
        ValidationPlan.Create(data.Frame, options.Folds, options.Seed);
        var planned = WorkerTuners.IsPlanned(options.Tuner) ? WorkerTuners.Plan(definition, space, DateTimeOffset.UtcNow) : [];
        var spec = definition.Spec(name);
        var created = store.CreateStudy(spec, planned);
        return new CreatedStudy(spec, definition, created ? planned.Count : store.Trials(name).Count, created);
    }

    /// <summary>The definition of study <paramref name="name"/>; throws when the store has no such study or it was not made for workers.</summary>
    public static WorkerStudy Load(ITrialStore store, string name)
    {
        ArgumentNullException.ThrowIfNull(store);
        var spec = store.FindStudy(name) ?? throw new TrialStoreException(
            $"Study '{name}' is not in trial store {store}; studies there: {string.Join(", ", store.Studies().Select(s => s.Name).DefaultIfEmpty("none"))}. Create it with 'pipelines sweep create'.");
        return WorkerStudy.FromSpec(spec);
    }

    /// <summary>Where study <paramref name="name"/> stands: trials by status, who runs what, and the best so far.</summary>
    public static StudyProgress Progress(ISharedTrialStore store, string name)
    {
        ArgumentNullException.ThrowIfNull(store);
        var definition = Load(store, name);
        var items = store.WorkItems(name);
        var board = new Leaderboard(store.FindStudy(name)!, [.. items.Select(i => i.Trial)]);
        return new StudyProgress(name, definition, items, board);
    }

    /// <summary>
    /// The best trial of study <paramref name="name"/> refit on all rows of its data (at the stored path, or
    /// <paramref name="dataPath"/>), as the pipeline a user saves; throws when no trial has succeeded yet.
    /// </summary>
    public static BestPipeline RefitBest(ISharedTrialStore store, string name, string? dataPath = null, IReadOnlyList<ILearnerSpace>? learners = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var definition = Load(store, name);
        var board = Leaderboard.Load(store, name);
        var best = board.Best ?? throw new PipelineException($"No trial of study '{name}' has succeeded yet ({board.Failed} failed, {board.Running} running, {board.Queued} queued).");
        var data = StudyData.Load(dataPath ?? definition.DataPath, definition.Label, definition.Task, learners, definition.Ignore, definition.Sheet);
        data.CheckFingerprint(definition, name);
        var entry = store.Trials(name).Single(t => t.Id == best.Trial);
        return new BestPipeline(entry, data.Refit(Parameters.FromJson(entry.Parameters), definition.Seed), data.FileSchema);
    }
}

/// <summary>What <see cref="SweepStudies.Create"/> did.</summary>
/// <param name="Study">The study as stored.</param>
/// <param name="Definition">Its definition.</param>
/// <param name="Trials">Trials queued now, or already in the study when it existed.</param>
/// <param name="Created">False when the study existed with the same settings (nothing changed).</param>
public sealed record CreatedStudy(StudySpec Study, WorkerStudy Definition, int Trials, bool Created);

/// <summary>The best trial refit on all rows: the model takes rows with the data file's columns (<see cref="Schema"/>).</summary>
public sealed record BestPipeline(TrialEntry Trial, ITransformer Model, DataSchema Schema);
