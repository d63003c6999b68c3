using Pipelines.AutoML.Ensembling;
using Pipelines.Calibration;
using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Store;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Evaluation;
using static System.FormattableString;

namespace Pipelines.AutoML.Experiments;

/// <summary>
/// After the search: selects an ensemble from the kept out-of-fold predictions among the trials trained on the most rows
/// any reached (<see cref="TrialBook.EnsembleCandidates"/>) whose refit fits in the time left (used only when it beats
/// the best single trial out of fold, or ties it with a lower log loss for metrics of the predicted class) and refits
/// the chosen pipelines on all training rows, so the final model is never one fold's model. Each refit must predict
/// those rows about as well as its trial's folds did (<see cref="FitCheck"/>); one that does not is set aside and the
/// choice made again without it.
/// </summary>
internal sealed class FinalModel(ExperimentRun run)
{
    /// <summary>
    /// The final model and the best single trial's, each with its out-of-fold score as it decides
    /// (<see cref="TrialScorer.ReportedScore"/>); <paramref name="Best"/> is that trial (the search's best unless its refit
    /// failed its <see cref="FitCheck"/>), and <paramref name="SetAside"/> says which trials' refits failed and how.
    /// </summary>
    public sealed record Fitted(ITransformer Model, ITransformer BestModel, EnsembleSummary? Ensemble, float[] OutOfFold, FinalModelRecipe Recipe,
        DecisionFit? Decision, double Score, double BestModelScore, TrialEntry Best, IReadOnlyList<string> SetAside);

    // Each trial's refit (seed models) once checked; a trial whose refit failed its check is in _unfit, and its refit
    // with the check's measure on its own rows in _failed.
    private readonly Dictionary<int, SeedBag> _refits = [];
    private readonly HashSet<int> _unfit = [];
    private readonly Dictionary<int, (SeedBag Bag, double Fitted)> _failed = [];
    private readonly List<string> _setAside = [];

    /// <summary>
    /// Selects the ensemble and refits its members, or <paramref name="best"/> alone. A refit that fails its
    /// <see cref="FitCheck"/> against its trial's out-of-fold predictions sets the trial aside: the selection runs again
    /// without it, and when it was the best trial, from the next best one whose predictions are kept, if that one's
    /// out-of-fold measure beats what the failed refits reached on their own rows (an optimistic figure for them). Else
    /// (on large data a short search may keep a cheap linear trial or none) the failed refit that reached most ships
    /// alone, and the notes say so.
    /// </summary>
    public Fitted Fit(TrialEntry best)
    {
        while (true)
        {
            run.Enter(ExperimentPhase.Ensembling);
            var (ensemble, blend) = SelectEnsemble(best);
            run.Enter(ExperimentPhase.Refitting);
            var used = ensemble is { IsUsed: true } && blend is not null;
            IEnumerable<int> members = used ? ensemble!.Members.Select(m => m.Trial) : [];
            var failed = members.Prepend(best.Id).Distinct().Where(id => !Refitted(id)).Take(1).ToArray();
            if (failed.Length == 0) return Assemble(best, ensemble, blend);
            if (failed[0] != best.Id) continue;
            var fallback = _failed.Aggregate((a, b) => FitCheck.Beats(run.Target, b.Value.Fitted, a.Value.Fitted) ? b : a);
            if (run.Book.BestKept(_unfit) is { } next
                && FitCheck.Beats(run.Target, FitCheck.Measure(run.Target, run.Book.OutOfFold[next.Id], run.Plan.ValidationRows), fallback.Value.Fitted))
            {
                best = next;
                continue;
            }
            _refits[fallback.Key] = fallback.Value.Bag;
            _setAside.Add(Invariant($"shipped trial {fallback.Key} nonetheless: no trial left scores above, out of fold, what its refit reached on its own rows (a longer search keeps more)"));
            return Assemble(run.Book.Entry(fallback.Key), null, null);
        }
    }

    private Fitted Assemble(TrialEntry best, EnsembleSummary? ensemble, float[]? blend)
    {
        var bestOutOfFold = run.Book.OutOfFold[best.Id];
        var (bestModel, bestDecision) = Decide(Average([(_refits[best.Id], 1)]), bestOutOfFold);
        FinalModelRecipe Recipe(IEnumerable<(int Trial, double Weight)> members, DecisionFit? decision) => new(
            run.Target.Task, [.. members.Select(m => new RecipeMember(m.Trial, Parameters.FromJson(run.Book.Entry(m.Trial).Parameters), m.Weight))],
            run.Plan.ModelSeeds(run.Options.Seed), decision?.Step, run.Dropped, run.Learners);
        var bestScore = run.Scorer.ReportedScore(bestOutOfFold, bestDecision, run.Plan.ValidationRows);
        if (ensemble is not { IsUsed: true } || blend is null)
            return new Fitted(bestModel, bestModel, ensemble, bestOutOfFold, Recipe([(best.Id, 1)], bestDecision), bestDecision, bestScore, bestScore, best, _setAside);
        var members = ensemble.Members.Select(m => (_refits[m.Trial], m.Weight)).ToArray();
        var (model, fit) = Decide(Average(members), blend);
        return new Fitted(model, bestModel, ensemble, blend, Recipe(ensemble.Members, fit), fit, run.Scorer.ReportedScore(blend, fit, run.Plan.ValidationRows), bestScore,
            best, _setAside);
    }

    /// <summary>
    /// Refits trial <paramref name="id"/> unless done already and checks the refit against the trial's out-of-fold
    /// predictions (<see cref="FitCheck"/>): true when it passed; false when it failed, and the trial is set aside.
    /// </summary>
    private bool Refitted(int id)
    {
        if (_refits.ContainsKey(id)) return true;
        if (_unfit.Contains(id)) return false;
        var bag = Refit(run.Book.Entry(id));
        var check = FitCheck.Check(Average([(bag, 1)]), run.Frame, run.Target, run.Plan.ValidationRows, run.Book.OutOfFold[id]);
        if (!check.Failed)
        {
            _refits[id] = bag;
            return true;
        }
        _unfit.Add(id);
        _failed[id] = (bag, check.Fitted);
        _setAside.Add(Invariant($"set aside trial {id} ({run.Book.Entry(id).Learner}): its refit on all {run.Frame.RowCount:N0} rows did not fit them ({check.Describe("out of fold")})"));
        return false;
    }

    private ITransformer Average(IReadOnlyList<(SeedBag Bag, double Weight)> trials) => SeedBag.Average(trials, run.Frame.Schema);

    /// <summary>
    /// Appends the decision step to a classifier: a fixed threshold on uncalibrated probabilities, or a calibration and
    /// rule fitted on <paramref name="outOfFold"/> (<see cref="DecisionPolicy"/>). Regression models are returned as they are.
    /// </summary>
    private (ITransformer Model, DecisionFit? Fit) Decide(ITransformer model, float[] outOfFold)
    {
        if (!run.Target.IsClassification) return (model, null);
        var classes = run.Target.Classes;
        if (run.Options.Decision.Threshold is { } threshold)
        {
            var fixedStep = new DecisionStep(classes, ProbabilityCalibration.None, new ThresholdRule(1, (float)threshold));
            var none = new CalibrationChoice(ProbabilityCalibration.None, new Dictionary<CalibrationMethod, double>());
            return (new TransformerChain([model, fixedStep]), new DecisionFit(fixedStep, none, null, fixedStep.Rule.Decide(outOfFold, classes.Count)));
        }
        var actual = run.Plan.ValidationRows.Select(r => run.Target.Codes[r]).ToArray();
        var fit = DecisionStep.FitWithReport(actual, outOfFold, classes, new CalibrationOptions { Seed = run.Options.Seed }, run.Options.Decision.Objective(run.Metric));
        return (new TransformerChain([model, fit.Step]), fit);
    }

    /// <summary>
    /// The selected ensemble (used or not) and its blended out-of-fold predictions, or nulls when there is nothing to
    /// blend: the blend of the library-defaults portfolio where that is chosen, else the ensemble over the kept trials.
    /// </summary>
    private (EnsembleSummary? Summary, float[]? Blend) SelectEnsemble(TrialEntry best)
    {
        if (run.Options.EnsembleSize == 0) return (null, null);
        var refit = new RefitTime(run, best);
        var candidates = refit.Affordable(run.Book.EnsembleCandidates().Where(e => !_unfit.Contains(e.Id)));
        // The best trial as it would ship, the score both choices below compare against.
        var bestShipped = AsShipped(run.Book.OutOfFold[best.Id]);
        var chosen = candidates.Length < 2 ? (null, null) : SelectFromTrials(candidates, best, bestShipped, refit);
        return run.SmallData.Applies && Portfolio(best, bestShipped, chosen, refit) is { } portfolio ? portfolio : chosen;
    }

    /// <summary>
    /// On small data (<see cref="SmallDataPolicy"/>): the log-loss blend of the learners' library-defaults trials, used
    /// unless the search's choice scores above it by more than the noise of a best among all the trials run
    /// (<see cref="TrialScorer.WithinNoise"/>). There the search's best of thousands of trials is picked for luck as much
    /// as for skill, while the portfolio is one fixed trial per learner.
    /// Null when no library-defaults trial ran (or none's refit fits in time) or the search clearly wins.
    /// </summary>
    private (EnsembleSummary Summary, float[] Blend)? Portfolio(TrialEntry best, double bestShipped, (EnsembleSummary? Summary, float[]? Blend) chosen, RefitTime refit)
    {
        var defaults = refit.Affordable(run.Book.LibraryDefaults.Where(id => !_unfit.Contains(id)).Select(run.Book.Entry).Where(run.Book.UsedAllRows).OrderBy(e => e.Id));
        if (defaults.Length == 0) return null;
        var members = defaults.Length == 1 ? [(defaults[0].Id, 1.0)] : Select(defaults, Metric.LogLoss, refit);
        var blend = Blend(members);
        var score = AsShipped(blend);
        var searched = chosen is ({ IsUsed: true }, { } searchedBlend) ? AsShipped(searchedBlend) : bestShipped;
        var competitors = run.Book.Entries.Count(e => e.Status == TrialStatus.Succeeded);
        if (run.Metric.IsBetter(searched, score) && !run.Scorer.WithinNoise(score, searched, run.Plan.ValidationRows, competitors)) return null;
        return (new EnsembleSummary(members, run.Scorer.Score(blend, run.Plan.ValidationRows), best.Score!.Value, IsUsed: true, OfLibraryDefaults: true), blend);
    }

    /// <summary>The out-of-fold score of <paramref name="outOfFold"/> under the rule it would ship with (<see cref="TrialScorer.ScoreAsShipped"/>).</summary>
    private double AsShipped(float[] outOfFold) => run.Scorer.ScoreAsShipped(outOfFold, run.Plan.ValidationRows);

    /// <summary>
    /// Greedy ensemble selection over <paramref name="candidates"/>' out-of-fold predictions, with the members' refit
    /// limited to the time left (<see cref="RefitTime"/>): member ids and weights.
    /// </summary>
    private (int Id, double Weight)[] Select(IReadOnlyList<TrialEntry> candidates, Metric selectBy, RefitTime refit)
    {
        var predictions = candidates.Select(c => run.Book.OutOfFold[c.Id]).ToArray();
        var budget = refit.Budget(candidates);
        var selection = run.Target.IsClassification
            ? EnsembleSelection.Select(predictions, [.. run.Plan.ValidationRows.Select(r => run.Target.Codes[r])], run.Target.Width, selectBy, run.Options.EnsembleSize, budget)
            : EnsembleSelection.Select(predictions, [.. run.Plan.ValidationRows.Select(r => run.Target.Targets[r])], selectBy, run.Options.EnsembleSize, budget);
        return [.. selection.Members.Select(i => (candidates[i].Id, selection.Weights[i]))];
    }

    /// <summary>
    /// The ensemble over the kept trials, used when it beats the best trial out of fold; for classification scored on
    /// predicted classes it is selected by log loss and also used when its score is within noise of the best trial's and
    /// its log loss is lower (<see cref="TrialScorer.SelectsByLogLoss"/>).
    /// </summary>
    private (EnsembleSummary? Summary, float[]? Blend) SelectFromTrials(IReadOnlyList<TrialEntry> candidates, TrialEntry best, double bestShipped, RefitTime refit)
    {
        var smooth = run.Scorer.SelectsByLogLoss;
        var members = Select(candidates, smooth ? Metric.LogLoss : run.Metric, refit);
        var blend = Blend(members);
        var summary = new EnsembleSummary(members, run.Scorer.Score(blend, run.Plan.ValidationRows), best.Score!.Value, IsUsed: false);
        var score = AsShipped(blend);
        var beats = members.Length > 1 && (run.Metric.IsBetter(score, bestShipped)
            || ((score == bestShipped || (smooth && run.Scorer.WithinNoise(score, bestShipped, run.Plan.ValidationRows))) && TiesBroken(blend, best.Id)));
        return (summary with { IsUsed = beats }, blend);
    }

    /// <summary>Whether <paramref name="blend"/> wins the tie-break against the best trial's predictions (lower out-of-fold log loss, for metrics of the predicted class).</summary>
    private bool TiesBroken(float[] blend, int best) =>
        run.Scorer.TieBreak(run.Plan.ValidationRows) is { } tieBreak && tieBreak(blend) < run.Book.TieBreak(best);

    /// <summary>
    /// The refit seconds each candidate would add (one fit on all rows per model seed each, estimated from its trial's
    /// time, and again on the caller's rows when it refits after the run), against the seconds left when selection
    /// starts once the best trial, which is refit whatever is chosen, has its share; no limit without a time budget.
    /// </summary>
    private sealed class RefitTime(ExperimentRun run, TrialEntry best)
    {
        private readonly double? left = run.Options.TimeBudget is { } budget
            ? Math.Max(0, budget.TotalSeconds - run.Clock.Elapsed.TotalSeconds - Seconds(run, best))
            : null;

        private static double Seconds(ExperimentRun run, TrialEntry trial) => SearchBudget.RefitSeconds(trial, run.Plan) * (1 + run.Options.RefitAfterRun);

        private double Cost(TrialEntry trial) => trial.Id == best.Id ? 0 : Seconds(run, trial);

        /// <summary>The candidates whose refit on its own fits in the time left.</summary>
        public TrialEntry[] Affordable(IEnumerable<TrialEntry> candidates) =>
            left is { } limit ? [.. candidates.Where(c => Cost(c) <= limit)] : [.. candidates];

        /// <summary>The selection's budget over <paramref name="candidates"/>, or null without a time budget.</summary>
        public SelectionBudget? Budget(IReadOnlyList<TrialEntry> candidates) =>
            left is { } limit ? new SelectionBudget([.. candidates.Select(Cost)], limit) : null;
    }

    /// <summary>The trial refitted on all rows, once per model seed of the plan, on the cores other processes leave free (<see cref="ExperimentRun.Cpu"/>).</summary>
    private SeedBag Refit(TrialEntry entry)
    {
        using var context = TrainingContext.Enter(CancellationToken.None, run.Cpu?.FreeCores());
        var parameters = Parameters.FromJson(entry.Parameters);
        return SeedBag.Fit(seed => run.Build(parameters, seed).Fit(run.Frame), run.Plan.ModelSeeds(run.Options.Seed), run.Frame, run.Target);
    }

    /// <summary>The members' out-of-fold predictions averaged with their weights.</summary>
    private float[] Blend((int Trial, double Weight)[] members)
    {
        var blend = new float[run.Book.OutOfFold[members[0].Trial].Length];
        foreach (var (trial, weight) in members)
        {
            var predictions = run.Book.OutOfFold[trial];
            for (var i = 0; i < blend.Length; i++) blend[i] += (float)(weight * predictions[i]);
        }
        return blend;
    }
}
