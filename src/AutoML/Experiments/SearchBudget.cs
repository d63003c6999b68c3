using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Store;
using Pipelines.AutoML.Tuners;

namespace Pipelines.AutoML.Experiments;

/// <summary>
/// When the search must stop and what each trial cost the tuner. The search ends early enough to leave the final
/// refit its time (<see cref="Deadline"/>); in reproducible mode a trial's cost is its learner's deterministic estimate
/// instead of measured seconds, so the trials do not depend on the machine.
/// </summary>
internal sealed class SearchBudget(ExperimentRun run, IReadOnlyList<ILearnerSpace> learners)
{
    /// <summary>
    /// The elapsed time at which the search stops proposing and stops running trials, or null without a budget: the
    /// budget less the refit reserve of the trials the final model may hold now.
    /// </summary>
    public TimeSpan? Deadline() => run.Options.TimeBudget is { } budget ? budget - Reserve(budget, RefitCandidates()) : null;

    /// <summary>The cost reported to the tuner for a finished trial.</summary>
    public double Cost(Trial trial, TrialEntry entry) => run.Options.IsReproducible ? EstimatedCost(trial) : entry.Seconds;

    /// <summary>
    /// The trials the final model may refit: with ensembling each learner's best and, where the small-data rules keep
    /// them, the library-defaults trials (an ensemble blends model families); without, the best trial.
    /// </summary>
    private TrialEntry[] RefitCandidates()
    {
        var book = run.Book;
        if (run.Options.EnsembleSize == 0) return book.Best is { } best ? [best] : [];
        return [.. book.BestPerLearner.Concat(book.LibraryDefaults.Select(book.Entry)).DistinctBy(e => e.Id)];
    }

    /// <summary>
    /// Time kept back from the search for the final refit (<see cref="ReserveSeconds"/>) of <paramref name="refits"/>,
    /// at least what the best trial's own refits need, which happen whatever the final model blends. A trial runs on
    /// <see cref="ExperimentOptions.TrialThreads"/> threads and a refit on every core, so the best's estimate is scaled
    /// by their ratio.
    /// </summary>
    private TimeSpan Reserve(TimeSpan budget, IReadOnlyCollection<TrialEntry> refits)
    {
        var candidates = refits.Sum(t => RefitSeconds(t, run.Plan));
        var best = run.Book.Best is { } b ? RefitSeconds(b, run.Plan) * run.Options.TrialThreads / Environment.ProcessorCount : 0;
        return TimeSpan.FromSeconds(ReserveSeconds(budget.TotalSeconds, candidates, best, run.Options.RefitAfterRun));
    }

    /// <summary>
    /// Seconds kept back from a search of <paramref name="budget"/> seconds: 3% of it plus twice the estimated refit time
    /// of the <paramref name="candidates"/> (<see cref="RefitSeconds"/> summed), at most a quarter of the budget, but
    /// never less than the <paramref name="best"/> trial's refit. A refit the caller runs after the experiment
    /// (<paramref name="after"/>, <see cref="ExperimentOptions.RefitAfterRun"/>) adds its share of the refit time, and up
    /// to another 5% of the budget to the cap: the estimate counts every candidate twice, so the cap is what usually
    /// binds, and a larger one would end the search early for refits that mostly do not happen. The best's refit does
    /// happen: where one fit on all rows takes much of the budget (tens of thousands of rows, many classes), the cap
    /// alone let the refits run past the budget.
    /// </summary>
    internal static double ReserveSeconds(double budget, double candidates, double best, double after) =>
        Math.Max(best * (1 + after), Math.Min(0.03 * budget + 2 * candidates * (1 + after), (0.25 + 0.05 * Math.Min(1, after)) * budget));

    /// <summary>
    /// Estimated seconds of <paramref name="trial"/>'s refit on all of <paramref name="plan"/>'s rows: its seconds times
    /// <see cref="ValidationPlan.RefitPerTrialSecond"/>, and times the rows over its sample's when it trained on a sample
    /// (on large data the best trials may have seen 10,000 of millions of rows, and the refit fits them all), and times
    /// the plan's folds over those it ran when the pace guard limited its repeats (the refit fits one model per seed all the same).
    /// </summary>
    internal static double RefitSeconds(TrialEntry trial, ValidationPlan plan)
    {
        var sampled = trial.SampleSize is int n && n > 0 ? Math.Max(1.0, (double)plan.RowCount / n) : 1.0;
        var ran = trial.FoldScores.Count;
        var limited = ran > 0 && ran < plan.Folds.Count ? (double)plan.Folds.Count / ran : 1.0;
        return trial.Seconds * plan.RefitPerTrialSecond * sampled * limited;
    }

    /// <summary>A trial's deterministic cost: its learner's estimate, scaled by the sample it trains on, times the folds.</summary>
    private double EstimatedCost(Trial trial)
    {
        var p = trial.Parameters;
        var plan = run.Plan;
        var fraction = trial.SampleSize is int n ? Math.Min(1.0, (double)n / plan.RowCount) : 1.0;
        var name = p.Contains(SearchSpaceCatalog.Learner) ? p.GetString(SearchSpaceCatalog.Learner) : null;
        var learner = learners.FirstOrDefault(l => l.Name == name);
        var cost = learner is null ? 1.0 : learner.EstimateCost(p.GetSection(SearchSpaceCatalog.Learner));
        return cost * fraction * plan.Folds.Count;
    }
}
