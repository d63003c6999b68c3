using System.Diagnostics;
using System.Globalization;
using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Tuners;
using Pipelines.Core;
using Pipelines.Data;

namespace Pipelines.AutoML.Experiments;

/// <summary>
/// Whether a time-bounded search can afford its k-fold plan, decided by one timed fit. A k-fold trial costs its fold
/// count in fits: on mid-size data with many classes even the cheapest tree learner's k-fold trial can need most of a
/// short budget, the pace guard then stops every tree learner, and only linear trials finish. The probe fits the
/// library-defaults pipeline of the cheapest learner that is not scale-sensitive (a tree learner) on the first fold's
/// training rows, with one trial's share of the cores, after an untimed warm-up fit on a small sample (a learner's
/// first fit also pays for loading and compiling its code). k-fold stays while that fit times the folds is within
/// <see cref="TrialShare"/> of the budget; otherwise the search validates on the first fold alone
/// (<see cref="ValidationPlan.FirstFoldOnly"/>), starting at the library defaults while one fit is within that share.
/// Either way the probe's model is that trial's first fold, and the evaluator reuses it instead of fitting it again.
/// Small data (a repeated k-fold) is never probed: there a holdout's estimate is too noisy to choose by.
/// </summary>
internal static class KFoldProbe
{
    /// <summary>The largest share of the budget one trial of the probed learner may need for its plan to be kept.</summary>
    public const double TrialShare = 0.5;

    /// <summary>Rows of the untimed warm-up fit.</summary>
    private const int WarmUpRows = 200;

    /// <summary>
    /// The validation for a search of <paramref name="budget"/> under <paramref name="plan"/> (a k-fold chosen by
    /// <see cref="ValidationPlan.Create"/>) after the probe fitted <paramref name="learner"/>'s library defaults on the
    /// first fold's training rows in <paramref name="seconds"/> (<paramref name="fit"/>, null when the fit was cut off
    /// at <see cref="TrialShare"/> of the budget): the plan kept, or narrowed to its first fold.
    /// </summary>
    public static ValidationChoice Choose(ValidationPlan plan, TimeSpan budget, string learner, PrefitFold? fit, double seconds)
    {
        var needed = seconds * plan.Folds.Count;
        var allowed = TrialShare * budget.TotalSeconds;
        if (fit is not null && needed <= allowed) return new ValidationChoice(plan, StartsAtLibraryDefaults: true, Note: null, fit);
        var holdout = plan.FirstFoldOnly();
        var startAtDefaults = fit is not null && seconds <= allowed;
        var took = fit is null ? $"did not fit its training rows within {seconds:0.0} s" : $"fitted its training rows in {seconds:0.0} s";
        var note = string.Create(CultureInfo.InvariantCulture,
            $"the first of {plan.Folds.Count} folds as a holdout ({holdout.ValidationRows.Count:N0} rows): {learner}'s defaults {took}, " +
            $"so a {plan.Folds.Count}-fold trial needs about {needed:0} s or more, over half the {budget.TotalSeconds:0} s budget " +
            $"(a longer --time keeps {plan.Folds.Count}-fold validation)");
        return new ValidationChoice(holdout, startAtDefaults, note, startAtDefaults ? fit : null);
    }

    /// <summary>
    /// The learner and library-defaults parameters the probe fits: the cheapest by estimated cost among the learners
    /// that are not scale-sensitive, or null when none has library defaults.
    /// </summary>
    public static (string Learner, Parameters Parameters)? ProbeTrial(IReadOnlyList<ILearnerSpace> learners, IReadOnlyDictionary<string, Parameters>? libraryDefaults)
    {
        if (libraryDefaults is null) return null;
        var best = learners.Where(l => !l.IsScaleSensitive && libraryDefaults.ContainsKey(l.Name))
            .OrderBy(l => l.EstimateCost(libraryDefaults[l.Name].GetSection(SearchSpaceCatalog.Learner)))
            .ThenBy(l => l.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best is null ? null : (best.Name, libraryDefaults[best.Name]);
    }

    /// <summary>
    /// Fits <paramref name="parameters"/> on the first fold's training rows of <paramref name="plan"/> with
    /// <paramref name="threads"/> threads, after an untimed warm-up on a small sample; cancelled by <paramref name="cancel"/>.
    /// </summary>
    public static (ITransformer Model, double Seconds) TimeFirstFold(DataFrame data, ValidationPlan plan, Parameters parameters,
        Func<Parameters, int, EstimatorChain> build, int seed, int threads, CancellationToken cancel)
    {
        using var context = TrainingContext.Enter(cancel, threads);
        var rows = plan.Folds[0].Train;
        var modelSeed = plan.ModelSeed(seed, 0);
        build(parameters, modelSeed).Fit(data.Take(SampleSizeSchedule.SampleRows(data, rows, WarmUpRows, seed)));
        var clock = Stopwatch.StartNew();
        var model = build(parameters, modelSeed).Fit(data.Take(rows));
        return (model, clock.Elapsed.TotalSeconds);
    }
}

/// <summary>
/// How a search validates: the plan, whether its tuner starts at the learners' library defaults, a line saying why
/// when the plan was narrowed for the budget, and a first-fold model already fitted for it.
/// </summary>
internal sealed record ValidationChoice(ValidationPlan Plan, bool StartsAtLibraryDefaults, string? Note, PrefitFold? Prefit);

/// <summary>A trial's first-fold model fitted before the search (by <see cref="KFoldProbe"/>), for its evaluation to reuse.</summary>
internal sealed record PrefitFold(Parameters Parameters, ITransformer Model);
