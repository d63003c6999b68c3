using System.Diagnostics;
using Pipelines.AutoML.Ensembling;
using Pipelines.Calibration;
using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Store;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Experiments;

/// <summary>
/// After the search: selects an ensemble from the kept out-of-fold predictions (used only when it beats the best
/// single trial out of fold, or ties it with a lower log loss for metrics of the predicted class, and its refit fits in
/// the time left) and refits the chosen pipelines on all training rows,
/// so the final model is never one fold's model.
/// </summary>
internal sealed class FinalModel(
    ExperimentOptions options,
    DataFrame frame,
    ExperimentTarget target,
    Metric metric,
    TrialScorer scorer,
    Func<Parameters, int, EstimatorChain> build,
    TrialBook book,
    Stopwatch clock,
    ValidationPlan plan,
    Action<ExperimentEvent>? onEvent)
{
    public sealed record Fitted(ITransformer Model, ITransformer BestModel, EnsembleSummary? Ensemble, float[] OutOfFold, FinalModelRecipe Recipe, DecisionFit? Decision = null);

    public Fitted Fit(TrialEntry best, IReadOnlyList<string> dropped, IReadOnlyList<ILearnerSpace> learners)
    {
        onEvent?.Invoke(new PhaseStarted(ExperimentPhase.Ensembling, clock.Elapsed));
        var (ensemble, blend) = SelectEnsemble(best);
        onEvent?.Invoke(new PhaseStarted(ExperimentPhase.Refitting, clock.Elapsed));
        var bestOutOfFold = book.OutOfFold[best.Id];
        var refitBest = Refit(best);
        var (bestModel, bestDecision) = Decide(Average([(refitBest, 1)]), bestOutOfFold);
        FinalModelRecipe Recipe(IEnumerable<(int Trial, double Weight)> members, DecisionFit? decision) => new(
            target.Task, [.. members.Select(m => new RecipeMember(m.Trial, Parameters.FromJson(book.Entry(m.Trial).Parameters), m.Weight))],
            plan.ModelSeeds(options.Seed), decision?.Step, dropped, learners);
        if (ensemble is not { IsUsed: true } || blend is null)
            return new Fitted(bestModel, bestModel, ensemble, bestOutOfFold, Recipe([(best.Id, 1)], bestDecision), bestDecision);
        var members = ensemble.Members.Select(m => (m.Trial == best.Id ? refitBest : Refit(book.Entry(m.Trial)), m.Weight)).ToArray();
        var (model, fit) = Decide(Average(members), blend);
        return new Fitted(model, bestModel, ensemble, blend, Recipe(ensemble.Members, fit), fit);
    }

    private ITransformer Average(IReadOnlyList<(SeedBag Bag, double Weight)> trials) => SeedBag.Average(trials, frame.Schema);

    /// <summary>
    /// Appends the decision step to a classifier: a fixed threshold on uncalibrated probabilities, or a calibration and
    /// rule fitted on <paramref name="outOfFold"/> (<see cref="DecisionPolicy"/>). Regression models are returned as they are.
    /// </summary>
    private (ITransformer Model, DecisionFit? Fit) Decide(ITransformer model, float[] outOfFold)
    {
        if (!target.IsClassification) return (model, null);
        var classes = target.Classes;
        if (options.Decision.Threshold is { } threshold)
        {
            var fixedStep = new DecisionStep(classes, ProbabilityCalibration.None, new ThresholdRule(1, (float)threshold));
            return (new TransformerChain([model, fixedStep]), new DecisionFit(fixedStep, new CalibrationChoice(ProbabilityCalibration.None, new Dictionary<CalibrationMethod, double>()), null));
        }
        var actual = plan.ValidationRows.Select(r => target.Codes[r]).ToArray();
        var fit = DecisionStep.FitWithReport(actual, outOfFold, classes, new CalibrationOptions { Seed = options.Seed }, options.Decision.Objective(metric));
        return (new TransformerChain([model, fit.Step]), fit);
    }

    /// <summary>
    /// The selected ensemble (used or not) and its blended out-of-fold predictions, or nulls when there is nothing to
    /// blend: the blend of the library-defaults portfolio where that is chosen, else the ensemble over the kept trials.
    /// </summary>
    private (EnsembleSummary? Summary, float[]? Blend) SelectEnsemble(TrialEntry best)
    {
        if (options.EnsembleSize == 0) return (null, null);
        var candidates = book.OutOfFold.Keys.Select(id => book.Entry(id))
            .Where(e => book.UsedAllRows(e)).OrderBy(e => e.Id).ToArray();
        var chosen = candidates.Length < 2 ? (null, null) : SelectFromTrials(candidates, best);
        return SelectsByLogLoss && Portfolio(best, chosen.Summary) is { } portfolio ? portfolio : chosen;
    }

    /// <summary>
    /// On small data: the log-loss blend of the learners' library-defaults trials (AutoGluon's recipe of strong defaults
    /// and a weighted ensemble), used unless the search's choice scores more than two standard errors above it out of fold.
    /// There the search's best of thousands of trials is picked for luck as much as for skill (over four splits of each
    /// small set in data/ its test accuracy averaged below the CV-chosen default learner's), while the portfolio is
    /// one fixed trial per learner. Null when no library-defaults trial ran, the search clearly wins, or the refit does not fit in time.
    /// </summary>
    private (EnsembleSummary Summary, float[] Blend)? Portfolio(TrialEntry best, EnsembleSummary? chosen)
    {
        var defaults = book.LibraryDefaults.Select(book.Entry).Where(book.UsedAllRows).OrderBy(e => e.Id).ToArray();
        if (defaults.Length == 0) return null;
        var members = defaults.Length == 1 ? [(defaults[0].Id, 1.0)] : Select(defaults, Metric.LogLoss);
        var blend = Blend(members);
        var score = scorer.Score(blend, plan.ValidationRows);
        var searched = chosen is { IsUsed: true } ensemble ? ensemble.Score : best.Score!.Value;
        if ((metric.IsBetter(searched, score) && !WithinNoise(score, searched)) || !RefitFits(members.Select(m => book.Entry(m.Id)))) return null;
        return (new EnsembleSummary(members, score, best.Score!.Value, IsUsed: true, OfLibraryDefaults: true), blend);
    }

    /// <summary>Greedy ensemble selection over <paramref name="candidates"/>' out-of-fold predictions: member ids and weights.</summary>
    private (int Id, double Weight)[] Select(IReadOnlyList<TrialEntry> candidates, Metric selectBy)
    {
        var predictions = candidates.Select(c => book.OutOfFold[c.Id]).ToArray();
        var selection = target.IsClassification
            ? EnsembleSelection.Select(predictions, [.. plan.ValidationRows.Select(r => target.Codes[r])], target.Width, selectBy, options.EnsembleSize)
            : EnsembleSelection.Select(predictions, [.. plan.ValidationRows.Select(r => target.Targets[r])], selectBy, options.EnsembleSize);
        return [.. selection.Members.Select(i => (candidates[i].Id, selection.Weights[i]))];
    }

    /// <summary>The ensemble over the kept trials, used when it beats the best trial out of fold (see <see cref="SelectsByLogLoss"/> for small data).</summary>
    private (EnsembleSummary? Summary, float[]? Blend) SelectFromTrials(IReadOnlyList<TrialEntry> candidates, TrialEntry best)
    {
        var smooth = SelectsByLogLoss;
        var members = Select(candidates, smooth ? Metric.LogLoss : metric);
        var summary = new EnsembleSummary(members, double.NaN, best.Score!.Value, IsUsed: false);
        var blend = Blend(members);
        var score = scorer.Score(blend, plan.ValidationRows);
        var bestScore = best.Score.Value;
        var beats = members.Length > 1 && (metric.IsBetter(score, bestScore)
            || ((score == bestScore || (smooth && WithinNoise(score, bestScore))) && TiesBroken(blend, best.Id)));
        return (summary with { Score = score, IsUsed = beats && RefitFits(members.Select(m => book.Entry(m.Id))) }, blend);
    }

    /// <summary>
    /// True on small data (a repeated k-fold) with a metric of the predicted class: there a few rows decide that metric,
    /// and the best trial's score is the luckiest of thousands, so the ensemble is selected by out-of-fold log loss (a
    /// proper scoring rule, which rewards blending model families whose probabilities err differently) and is used
    /// when its log loss is lower and its score is not significantly below the best trial's (within two standard errors).
    /// The library-defaults portfolio applies under the same condition (<see cref="Portfolio"/>).
    /// </summary>
    private bool SelectsByLogLoss => SmallDataRules(target, metric, plan);

    /// <summary>Whether <see cref="SelectsByLogLoss"/> holds for a run: the experiment keeps and reserves the library-defaults trials only then.</summary>
    public static bool SmallDataRules(ExperimentTarget target, Metric metric, ValidationPlan plan) =>
        target.IsClassification && metric.ScoresLabels() && plan.Repeats > 1;

    /// <summary>
    /// Whether <paramref name="score"/> is within two binomial standard errors of <paramref name="best"/> over the
    /// validation rows (metrics in [0, 1]; the variance is floored at one row's worth, so a perfect best still has a band).
    /// </summary>
    private bool WithinNoise(double score, double best)
    {
        var n = plan.ValidationRows.Count;
        var p = Math.Clamp(best, 0, 1);
        var standardError = Math.Sqrt(Math.Max(p * (1 - p), 1.0 / n) / n);
        return Math.Abs(best - score) <= 2 * standardError + 1e-9;
    }

    /// <summary>Whether <paramref name="blend"/> wins the tie-break against the best trial's predictions (lower out-of-fold log loss, for metrics of the predicted class).</summary>
    private bool TiesBroken(float[] blend, int best) =>
        scorer.TieBreak(plan.ValidationRows) is { } tieBreak && tieBreak(blend) < book.TieBreak(best);

    /// <summary>
    /// Whether refitting these trials (one fit on all rows per model seed each, estimated from their trials' time; and
    /// again on the caller's rows when it refits after the run) fits in the budget left.
    /// </summary>
    private bool RefitFits(IEnumerable<TrialEntry> members)
    {
        if (options.TimeBudget is not { } budget) return true;
        var estimate = members.Sum(m => m.Seconds * plan.RefitPerTrialSecond) * (1 + options.RefitAfterRun);
        return clock.Elapsed.TotalSeconds + estimate <= budget.TotalSeconds;
    }

    /// <summary>The trial refitted on all rows, once per model seed of the plan.</summary>
    private SeedBag Refit(TrialEntry entry)
    {
        using var context = TrainingContext.Enter(CancellationToken.None);
        var parameters = Parameters.FromJson(entry.Parameters);
        return SeedBag.Fit(seed => build(parameters, seed).Fit(frame), plan.ModelSeeds(options.Seed), frame, target);
    }

    /// <summary>The members' out-of-fold predictions averaged with their weights.</summary>
    private float[] Blend((int Trial, double Weight)[] members)
    {
        var blend = new float[book.OutOfFold[members[0].Trial].Length];
        foreach (var (trial, weight) in members)
        {
            var predictions = book.OutOfFold[trial];
            for (var i = 0; i < blend.Length; i++) blend[i] += (float)(weight * predictions[i]);
        }
        return blend;
    }
}
