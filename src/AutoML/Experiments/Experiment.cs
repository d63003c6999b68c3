using System.Diagnostics;
using System.Text.Json.Nodes;
using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Store;
using Pipelines.AutoML.Tuners;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Experiments;

/// <summary>
/// AutoML over a training frame: searches pipelines, learners and hyperparameters with cross-validated trials within a
/// time budget and/or trial count, writes every trial to the store as it ends (so a stopped run resumes), selects a
/// Caruana ensemble from the best trials' out-of-fold predictions, and refits the final model on all rows.
/// Text feature columns are left out of the search and ignored by the model.
/// </summary>
public sealed class Experiment(ExperimentOptions options)
{
    /// <summary>Probe for the memory guard; tests replace it.</summary>
    internal Func<long> MemoryProbe { get; init; } = MemoryGuard.ManagedHeapBytes;

    /// <summary>
    /// Runs the experiment on <paramref name="data"/> (its label set). <paramref name="interrupt"/> ends the search
    /// early (Ctrl-C): running trials stop, and the ensemble and refit still happen from what finished.
    /// </summary>
    public ExperimentResult Run(DataFrame data, Action<ExperimentEvent>? onEvent = null, CancellationToken interrupt = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clock = Stopwatch.StartNew();
        if (data.Label is null) throw new SchemaException("AutoML needs a label column; name it with --label (DataFrame.WithLabel).");
        var dropped = data.Schema.Features.Where(c => c.Kind == ColumnKind.Text).Select(c => c.Name).ToArray();
        var frame = LabelTask.WithClassLabel(data).Without(dropped);
        var task = LabelTask.Detect(frame);
        var target = ExperimentTarget.Of(frame, task);
        var metric = options.Metric ?? MetricChoice.Default(target);
        MetricChoice.Check(metric, task);
        if (target.IsClassification) options.Decision.Check(target.Width);
        else if (options.Decision != DecisionPolicy.Auto) throw new PipelineException("A threshold or cost matrix needs a classification label; this label is numeric (regression).");
        var learners = options.Learners ?? SearchSpaceCatalog.DefaultLearners;
        var space = options.Space ?? SearchSpaceCatalog.Create(frame.Schema, task, learners);
        var plan = ValidationPlan.Create(frame, options.Folds, options.Seed, options.Repeats);
        var libraryDefaults = options.Space is null ? SearchSpaceCatalog.LibraryDefaultTrials(space, frame.Schema, task, learners) : null;
        var spec = Spec(frame, space, plan, metric, libraryDefaults);
        var stored = Array.Empty<TrialEntry>() as IReadOnlyList<TrialEntry>;
        if (options.Store is { } store)
        {
            onEvent?.Invoke(new PhaseStarted(ExperimentPhase.Resuming, clock.Elapsed));
            if (store.OpenStudy(spec)) stored = store.Trials(spec.Name, withOutOfFold: true);
        }

        var schema = frame.Schema;
        EstimatorChain Build(Parameters p, int seed) => PipelineFactory.Create(p, schema, task, learners, seed);
        var scorer = new TrialScorer(target, metric, options.Decision);
        var evaluator = new TrialEvaluator(frame, target, plan, scorer, Build, options.Seed);
        // Only where the final model may blend them: elsewhere keeping their predictions and reserving their refit is waste.
        var defaults = options.Space is null && options.EnsembleSize > 0 && FinalModel.SmallDataRules(target, metric, plan)
            ? LibraryDefaultsPerLearner(space, libraryDefaults!, learners, task) : [];
        var book = new TrialBook(spec.Name, options.Store, metric, plan.RowCount, scorer.TieBreak(plan.ValidationRows), IsLibraryDefault);
        bool IsLibraryDefault(TrialEntry entry) =>
            entry.Learner is { } learner && defaults.TryGetValue(learner, out var parameters) && Parameters.FromJson(entry.Parameters).Equals(parameters);
        var guard = new MemoryGuard(options.MemoryLimitBytes ?? MemoryGuard.DefaultLimit(), MemoryProbe);
        double Cost(Trial trial, TrialEntry entry) => options.IsReproducible ? EstimatedCost(trial, learners, plan) : entry.Seconds;
        TimeSpan? Deadline() => options.TimeBudget is { } budget ? budget - Reserve(budget, options.EnsembleSize > 0 ? RefitCandidates(book) : book.Best is { } b ? [b] : [], plan, options.RefitAfterRun) : null;
        var loop = new SearchLoop(options, TunerFactory.Create(options.Tuner, space, options.Seed, options.GridPoints, learners, plan.RowCount, libraryDefaults), evaluator, metric, book, Cost, guard, clock, Deadline, onEvent);
        loop.Run(stored, interrupt);

        var best = book.Best ?? throw NoTrialSucceeded(book.Entries);
        var final = new FinalModel(options, frame, target, metric, scorer, Build, book, clock, plan, onEvent).Fit(best, dropped, learners);
        onEvent?.Invoke(new PhaseStarted(ExperimentPhase.Done, clock.Elapsed));
        return new ExperimentResult
        {
            Study = spec,
            Metric = metric,
            Task = task,
            Classes = target.Classes,
            Trials = book.Entries,
            Best = best,
            Ensemble = final.Ensemble,
            Model = WithDropped(final.Model, dropped),
            BestModel = WithDropped(final.BestModel, dropped),
            OutOfFold = final.OutOfFold,
            Recipe = final.Recipe,
            Decision = final.Decision,
            ValidationRows = plan.ValidationRows,
            DroppedColumns = dropped,
            Elapsed = clock.Elapsed,
            Interrupted = interrupt.IsCancellationRequested,
        };
    }

    /// <summary>The trials an ensemble may refit: each learner's best and, where the small-data portfolio applies, its library-defaults trial.</summary>
    private static TrialEntry[] RefitCandidates(TrialBook book) =>
        [.. book.BestPerLearner.Concat(book.LibraryDefaults.Select(book.Entry)).DistinctBy(e => e.Id)];

    /// <summary>
    /// Each learner's library-defaults trial parameters: its entry in <paramref name="libraryDefaults"/>, or the space's
    /// defaults with that learner chosen when those already are its library defaults (they are then the low-cost start).
    /// </summary>
    private static Dictionary<string, Parameters> LibraryDefaultsPerLearner(ParameterSpace space, IReadOnlyDictionary<string, Parameters> libraryDefaults, IReadOnlyList<ILearnerSpace> learners, PredictionTask task) =>
        learners.Where(l => l.Supports(task)).ToDictionary(l => l.Name, l => libraryDefaults.GetValueOrDefault(l.Name) ?? space.Pin(SearchSpaceCatalog.Learner, l.Name).Default, StringComparer.Ordinal);

    /// <summary>The study's identity: every setting that changes which trials a replay proposes.</summary>
    private StudySpec Spec(DataFrame frame, ParameterSpace space, ValidationPlan plan, Metric metric, IReadOnlyDictionary<string, Parameters>? libraryDefaults)
    {
        var settings = new JsonObject
        {
            ["label"] = frame.LabelName,
            ["rows"] = frame.RowCount,
            ["metric"] = metric.ToString(),
            ["tuner"] = options.Tuner.ToString(),
            ["grid_points"] = options.GridPoints,
            ["seed"] = options.Seed,
            ["folds"] = plan.Folds.Count,
            ["repeats"] = plan.Repeats,
            ["model_seeds"] = "per_repeat",
            ["library_defaults"] = libraryDefaults is null ? null : new JsonArray([.. libraryDefaults.Values.Select(p => (JsonNode)p.ToJsonNode())]),
            ["reproducible"] = options.IsReproducible,
            ["space"] = space.ToJsonNode(),
            ["threshold"] = options.Decision.Threshold,
            ["cost_matrix"] = options.Decision.Costs is null ? null : "given",
        };
        var json = settings.ToJsonString();
        return new StudySpec(options.StudyName, options.StudyKind, metric.ToString(), metric.HigherIsBetter(), StudyFingerprint.Compute(frame, json), json);
    }

    /// <summary>A trial's deterministic cost: its learner's estimate, scaled by the sample it trains on, times the folds.</summary>
    private static double EstimatedCost(Trial trial, IReadOnlyList<ILearnerSpace> learners, ValidationPlan plan)
    {
        var p = trial.Parameters;
        var fraction = trial.SampleSize is int n ? Math.Min(1.0, (double)n / plan.RowCount) : 1.0;
        var name = p.Contains(SearchSpaceCatalog.Learner) ? p.GetString(SearchSpaceCatalog.Learner) : null;
        var learner = learners.FirstOrDefault(l => l.Name == name);
        var cost = learner is null ? 1.0 : learner.EstimateCost(p.GetSection(SearchSpaceCatalog.Learner));
        return cost * fraction * plan.Folds.Count;
    }

    /// <summary>
    /// Time kept back from the search for the final refit: 3% of the budget plus twice the estimated refit time (one
    /// fit on all rows per model seed, <see cref="ValidationPlan.RefitPerTrialSecond"/>) of the trials the final model may hold: the best trial, or with ensembling each
    /// learner's best and its library-defaults trial (an ensemble blends model families); at most a quarter of the budget.
    /// A refit the caller runs after the experiment (<see cref="ExperimentOptions.RefitAfterRun"/>) adds its share of
    /// the refit time, and up to another 5% of the budget: the estimate counts every candidate twice, so the cap is
    /// what usually binds, and a larger one would end the search early for refits that mostly do not happen.
    /// </summary>
    private static TimeSpan Reserve(TimeSpan budget, IReadOnlyCollection<TrialEntry> refits, ValidationPlan plan, double refitAfterRun)
    {
        var refit = refits.Sum(t => t.Seconds) * plan.RefitPerTrialSecond * (1 + refitAfterRun);
        return TimeSpan.FromSeconds(Math.Min(0.03 * budget.TotalSeconds + 2 * refit, (0.25 + 0.05 * Math.Min(1, refitAfterRun)) * budget.TotalSeconds));
    }

    private static ITransformer WithDropped(ITransformer model, string[] dropped) =>
        dropped.Length == 0 ? model : new TransformerChain([new Transforms.Cleaning.ColumnDropper(dropped), model]);

    private static PipelineException NoTrialSucceeded(IReadOnlyList<TrialEntry> trials)
    {
        if (trials.Count == 0) return new PipelineException("No trial ran: the budget ended (or the run was interrupted) before the first trial finished. Give the experiment more time.");
        var errors = trials.Where(t => t.Error is not null).GroupBy(t => t.Error).OrderByDescending(g => g.Count()).Take(3)
            .Select(g => $"{g.Count()}× {g.Key}");
        return new PipelineException($"None of the {trials.Count} trial(s) succeeded. Most common errors: {string.Join("; ", errors)}. Give more time or fix the data.");
    }
}
