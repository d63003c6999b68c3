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
    /// Fits parameters on the first fold of a plan for <see cref="KFoldProbe"/> and returns the model and its seconds
    /// (<see cref="KFoldProbe.TimeFirstFold"/>, with the trials' thread share); tests replace it.
    /// </summary>
    internal Func<Parameters, ValidationPlan, CancellationToken, (ITransformer Model, double Seconds)>? FirstFoldTimer { get; init; }

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
        var cpu = CpuShare.Start(options.IsReproducible);
        if (data.Label is null) throw new SchemaException("AutoML needs a label column; name it with --label (DataFrame.WithLabel).");
        var dropped = data.Schema.Features.Where(c => c.Kind == ColumnKind.Text).Select(c => c.Name).ToArray();
        var (read, task) = LabelTask.Read(data, options.Task);
        var frame = read.Without(dropped);
        var target = ExperimentTarget.Of(frame, task);
        var metric = ChooseMetric(target, task);
        var learners = options.Learners ?? SearchSpaceCatalog.DefaultLearners;
        var space = options.Space ?? SearchSpaceCatalog.Create(frame.Schema, task, learners);
        var schema = frame.Schema;
        Func<Parameters, int, EstimatorChain> build = (p, seed) => PipelineFactory.Create(p, schema, task, learners, seed);
        var libraryDefaults = options.Space is null ? SearchSpaceCatalog.LibraryDefaultTrials(space, frame.Schema, task, learners) : null;
        var validation = Validation(frame, ValidationPlan.Create(frame, options.Folds, options.Seed, options.Repeats), learners, libraryDefaults, build, clock, interrupt);
        if (validation.Note is { } note) onEvent?.Invoke(new ValidationNarrowed(note, clock.Elapsed));
        var plan = validation.Plan;
        var spec = Spec(frame, space, validation, metric, libraryDefaults);
        var stored = Resume(spec, clock, onEvent);

        var scorer = new TrialScorer(target, metric, options.Decision);
        var smallData = SmallDataPolicy.Create(options, target, metric, plan, space, libraryDefaults, learners);
        var run = new ExperimentRun
        {
            Options = options,
            Frame = frame,
            Target = target,
            Metric = metric,
            Plan = plan,
            Scorer = scorer,
            Build = build,
            Learners = learners,
            Dropped = dropped,
            Book = new TrialBook(spec.Name, options.Store, metric, plan.RowCount, scorer.TieBreak(plan.ValidationRows), smallData.IsLibraryDefault),
            SmallData = smallData,
            Clock = clock,
            Cpu = cpu,
            OnEvent = onEvent,
        };
        var tuner = TunerFactory.Create(options.Tuner, space, options.Seed, options.GridPoints, learners, plan.RowCount, libraryDefaults, validation.StartsAtLibraryDefaults);
        var evaluator = new TrialEvaluator(frame, target, plan, scorer, run.Build, options.Seed, validation.Prefit);
        var guard = new MemoryGuard(options.MemoryLimitBytes ?? MemoryGuard.DefaultLimit(), MemoryProbe);
        new SearchLoop(run, tuner, evaluator, new SearchBudget(run, learners), guard).Run(stored, interrupt);

        var best = run.Book.Best ?? throw NoTrialSucceeded(run.Book.Entries);
        var final = new FinalModel(run).Fit(best);
        run.Enter(ExperimentPhase.Done);
        return new ExperimentResult
        {
            Study = spec,
            Metric = metric,
            Task = task,
            Classes = target.Classes,
            Trials = run.Book.Entries,
            Best = final.Best,
            SetAside = final.SetAside,
            Ensemble = final.Ensemble,
            Model = WithDropped(final.Model, dropped),
            BestModel = WithDropped(final.BestModel, dropped),
            OutOfFold = final.OutOfFold,
            Recipe = final.Recipe,
            Decision = final.Decision,
            Score = final.Score,
            BestModelScore = final.BestModelScore,
            ValidationRows = plan.ValidationRows,
            DroppedColumns = dropped,
            Elapsed = clock.Elapsed,
            Interrupted = interrupt.IsCancellationRequested,
        };
    }

    /// <summary>The metric to optimize (the options' or the label's default), checked against the task and the decision policy.</summary>
    private Metric ChooseMetric(ExperimentTarget target, PredictionTask task)
    {
        var metric = options.Metric ?? MetricChoice.Default(target);
        MetricChoice.Check(metric, task);
        if (target.IsClassification) options.Decision.Check(target.Width);
        else if (options.Decision != DecisionPolicy.Auto) throw new PipelineException("A threshold or cost matrix needs a classification label; this label is numeric (regression).");
        return metric;
    }

    /// <summary>The study's stored trials with their predictions when the store already holds it (a resumed run); none otherwise.</summary>
    private IReadOnlyList<TrialEntry> Resume(StudySpec spec, Stopwatch clock, Action<ExperimentEvent>? onEvent)
    {
        // Announced only for a study the store already holds: a fresh run has nothing to resume.
        if (options.Store is not { } store || !store.OpenStudy(spec)) return [];
        onEvent?.Invoke(new PhaseStarted(ExperimentPhase.Resuming, clock.Elapsed));
        return store.Trials(spec.Name, withOutOfFold: true);
    }

    /// <summary>
    /// How the search validates, and whether each learner's search starts at its library defaults. The plan's k-fold
    /// (small or mid-sized data, where every learner's defaults are affordable) starts there; its holdout (large data)
    /// starts low-cost. When the plan chose k-fold and the search has a time budget, <see cref="KFoldProbe"/> checks
    /// that the budget affords it; small data (a repeated k-fold) is not probed, and a resumed study keeps the
    /// validation it was made with.
    /// </summary>
    private ValidationChoice Validation(DataFrame frame, ValidationPlan plan, IReadOnlyList<ILearnerSpace> learners,
        IReadOnlyDictionary<string, Parameters>? libraryDefaults, Func<Parameters, int, EstimatorChain> build, Stopwatch clock, CancellationToken interrupt)
    {
        var chosen = new ValidationChoice(plan, StartsAtLibraryDefaults: !plan.IsHoldout, Note: null, Prefit: null);
        if (options.Folds is not null || options.TimeBudget is not { } total || plan.IsHoldout || plan.Repeats > 1) return chosen;
        if (options.Store?.FindStudy(options.StudyName) is { } stored) return Stored(chosen, stored);
        if (KFoldProbe.ProbeTrial(learners, libraryDefaults) is not { } probe) return chosen;
        var (learner, parameters) = probe;
        var budget = total - clock.Elapsed;
        if (budget <= TimeSpan.Zero) return chosen;
        using var cutOff = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
        cutOff.CancelAfter(budget * KFoldProbe.TrialShare);
        var timer = FirstFoldTimer ?? ((p, pl, cancel) => KFoldProbe.TimeFirstFold(frame, pl, p, build, options.Seed, options.TrialThreads, cancel));
        var started = clock.Elapsed;
        try
        {
            var (model, seconds) = timer(parameters, plan, cutOff.Token);
            return KFoldProbe.Choose(plan, budget, learner, new PrefitFold(parameters, model), seconds);
        }
        catch (OperationCanceledException) when (!interrupt.IsCancellationRequested)
        {
            return KFoldProbe.Choose(plan, budget, learner, fit: null, (clock.Elapsed - started).TotalSeconds);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C during the probe: the search stops at once and keeps the plan.
            return chosen;
        }
    }

    /// <summary>The validation a stored study was made with: its first fold alone when it narrowed <paramref name="chosen"/>'s k-fold.</summary>
    private static ValidationChoice Stored(ValidationChoice chosen, StudySpec stored)
    {
        var settings = JsonNode.Parse(stored.SettingsJson) as JsonObject;
        if (settings?["first_fold_of"]?.GetValue<int>() != chosen.Plan.Folds.Count) return chosen;
        return new ValidationChoice(chosen.Plan.FirstFoldOnly(), settings["start"]?.GetValue<string>() == LibraryDefaultsStart, Note: null, Prefit: null);
    }

    private const string LibraryDefaultsStart = "library_defaults";

    /// <summary>The study's identity: every setting that changes which trials a replay proposes.</summary>
    private StudySpec Spec(DataFrame frame, ParameterSpace space, ValidationChoice validation, Metric metric, IReadOnlyDictionary<string, Parameters>? libraryDefaults)
    {
        var plan = validation.Plan;
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
            ["start"] = validation.StartsAtLibraryDefaults ? LibraryDefaultsStart : "low_cost",
            ["library_defaults"] = libraryDefaults is null ? null : new JsonArray([.. libraryDefaults.Values.Select(p => (JsonNode)p.ToJsonNode())]),
            ["reproducible"] = options.IsReproducible,
            ["space"] = space.ToJsonNode(),
            ["threshold"] = options.Decision.Threshold,
            ["cost_matrix"] = options.Decision.Costs is null ? null : "given",
        };
        // Only when set, so the studies of earlier versions keep their fingerprints.
        if (plan.FirstFoldOf is int k) settings["first_fold_of"] = k;
        var json = settings.ToJsonString();
        return new StudySpec(options.StudyName, options.StudyKind, metric.ToString(), metric.HigherIsBetter(), StudyFingerprint.Compute(frame, json), json);
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
