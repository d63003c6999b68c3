using System.Diagnostics;
using Pipelines.AutoML.Experiments;
using Pipelines.Data;
using Pipelines.Evaluation;

namespace Pipelines.Bench.Suite;

/// <summary>
/// Our <see cref="Experiment"/> with its defaults and the suite's time budget, fitted on the training part (so its
/// final model is refit on all of it). Like the Optuna peer, it is told the metric the suite judges first
/// (<see cref="SuiteScores.Primary"/>), as a user who is judged on macro-F1 would say with <c>--metric</c>; with
/// <c>judged</c> false it picks its own (<see cref="MetricChoice.Default"/>), as a user who names none gets. With a
/// trial count instead of the budget (for iterating on a loaded machine), the run is the experiment's reproducible
/// mode: the same trials whatever the load.
/// </summary>
internal sealed class OursContender(TimeSpan budget, int? trials = null, bool judged = true) : ISuiteContender
{
    public const string Tool = "ours";

    public IReadOnlyList<string> Tools => [Tool];

    public string? Unavailable => null;

    public IEnumerable<SuiteOutcome> Run(SuiteCase suiteCase, IReadOnlyList<string> tools, string build)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            Metric? metric = judged ? SuiteScores.PrimaryMetric(suiteCase.IsClassification) : null;
            // With a trial count, no one trial may run past the budget, as in the job's --trials mode: on wide data a slow
            // learner would otherwise hold a split for minutes. A trial stopped there fails and the search goes on.
            var options = new ExperimentOptions
            {
                Metric = metric, TimeBudget = trials is null ? budget : null, MaxTrials = trials, TrialTimeLimit = trials is null ? null : budget, Seed = 0,
                // The set's task, as a user says it with --task where the label's values would mislead (counts to regress).
                Task = suiteCase.IsClassification ? TaskChoice.Classification : TaskChoice.Regression,
            };
            var result = new Experiment(options).Run(suiteCase.Data.Train);
            var seconds = clock.Elapsed.TotalSeconds;
            var predicted = result.Model.Transform(suiteCase.Data.Test);
            var metrics = Scores(suiteCase, predicted);
            foreach (var (key, value) in DecisionRuleAblation.Measure(result, suiteCase, predicted)) metrics[key] = value;
            // What the ensemble is worth on this split, free of the search's noise: the best single trial of the same
            // search, refit as it would ship alone (recorded only where an ensemble ships; the report does not read it).
            if (!ReferenceEquals(result.BestModel, result.Model))
            {
                foreach (var (key, value) in Scores(suiteCase, result.BestModel.Transform(suiteCase.Data.Test))) metrics[BestSinglePrefix + key] = value;
            }
            var model = result.Ensemble is { IsUsed: true } e
                ? $"{(e.OfLibraryDefaults ? "library-defaults blend" : "ensemble")} of {e.Members.Count}, best {result.Best.Learner}" : result.Best.Learner;
            // A search that narrowed its validation to a holdout (KFoldProbe) says so: its score is on those rows only.
            var validated = result.ValidationRows.Count < suiteCase.Data.Train.RowCount
                ? $"on a validation holdout of {result.ValidationRows.Count} rows" : "out of fold";
            var detail = $"{result.Metric} {result.Score:F4} {validated}, {result.Trials.Count} trials, {model}";
            detail += $" ({Members(result)}; calibration {result.Decision?.Calibration.Method.ToString() ?? "none"})";
            if (result.SetAside.Count > 0) detail += $"; set aside: {string.Join("; ", result.SetAside)}";
            return [SuiteOutcome.Scored(Tool, suiteCase, metrics, seconds, detail, build)];
        }
#pragma warning disable CA1031 // a failure of the tool under test is a result of the suite
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var where = ex.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains(" Pipelines.", StringComparison.Ordinal));
            return [SuiteOutcome.Failed(Tool, suiteCase, clock.Elapsed.TotalSeconds, $"{ex.GetType().Name}: {ex.Message} {where}", build)];
        }
    }

    /// <summary>What the shipped model is made of: each member's learner, weight and out-of-fold score, for reading a result.</summary>
    private static string Members(ExperimentResult result) => string.Join(", ", result.Recipe.Members.Select(m =>
    {
        var trial = result.Trials.First(t => t.Id == m.Trial);
        return FormattableString.Invariant($"{trial.Learner} {m.Weight:F2} at {trial.Score:F4}");
    }));

    /// <summary>The prefix of the best single trial's test metrics beside the shipped model's.</summary>
    public const string BestSinglePrefix = "best_single_";

    /// <summary>The suite's metrics of <paramref name="predicted"/> (prediction columns of the case's test rows, in order).</summary>
    internal static Dictionary<string, double> Scores(SuiteCase suiteCase, Data.DataFrame predicted)
    {
        var target = suiteCase.Data.Target;
        return target.IsClassification
            ? SuiteScores.Classification(target, suiteCase.TestRows, target.ReadLabels(predicted), Probabilities(target, predicted))
            : SuiteScores.Regression(target, suiteCase.TestRows, Probabilities(target, predicted));
    }

    private static float[] Probabilities(ExperimentTarget target, Data.DataFrame predicted)
    {
        var values = new float[predicted.RowCount * target.Width];
        target.ReadPredictions(predicted, values, 0);
        return values;
    }
}
