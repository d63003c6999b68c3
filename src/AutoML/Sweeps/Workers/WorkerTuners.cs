using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Store;
using Pipelines.AutoML.Tuners;
using Pipelines.Errors;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Sweeps.Workers;

/// <summary>
/// How a worker study gets its trials. Grid and random search ignore results, so their whole plan is made at create
/// and queued. Adaptive tuners (CFO, TPE) learn from results, so their trials are proposed one at a time by whichever
/// worker runs out of queued work: it rebuilds the tuner by replaying the store's history (<see cref="TrialReplay"/>:
/// every proposal after the reports it followed, every result in report order), so workers on different hosts share
/// one search, and the store holds the study's lock meanwhile, so no two workers propose the same trial.
/// </summary>
internal static class WorkerTuners
{
    /// <summary>True when the tuner's trials are all known at create.</summary>
    public static bool IsPlanned(TunerKind tuner) => tuner is TunerKind.Grid or TunerKind.Random;

    /// <summary>Checks that workers can run <paramref name="tuner"/> with budget <paramref name="trials"/>.</summary>
    public static void Check(TunerKind tuner, int? trials)
    {
        if (tuner == TunerKind.Eci)
            throw new PipelineException("Workers run grid, random, cfo or bayes; eci (AutoML's learner choice) runs in process only: use 'pipelines sweep SPACE.json --tuner eci'.");
        if (trials is < 1) throw new PipelineException($"--trials must be at least 1, not {trials}.");
        if (tuner != TunerKind.Grid && trials is null)
            throw new PipelineException($"A {tuner.ToString().ToLowerInvariant()} study for workers needs --trials N (how many trials in all); only a grid has a natural end.");
    }

    public static ITuner Create(WorkerStudy study, ParameterSpace space) => study.Tuner == TunerKind.Eci
        ? throw new PipelineException($"Tuner {study.Tuner} cannot run on workers.")
        : TunerFactory.Create(study.Tuner, space, study.Seed, study.GridPoints);

    /// <summary>The queued trials of a planned study: the grid in order (up to the budget), or the budget's random points.</summary>
    public static List<TrialEntry> Plan(WorkerStudy study, ParameterSpace space, DateTimeOffset now)
    {
        var tuner = Create(study, space);
        var planned = new List<TrialEntry>();
        while (!tuner.IsDone && (study.Trials is not int max || planned.Count < max))
            planned.Add(Entry(tuner.Propose(), TrialStatus.Queued, proposedAfter: 0, now));
        return planned;
    }

    /// <summary>
    /// The next trial of an adaptive study given all its trials so far, or null when the budget is spent or the
    /// tuner has nothing left. Trials still running elsewhere are proposals without a report, as in a parallel search.
    /// </summary>
    public static TrialEntry? Propose(WorkerStudy study, string name, ParameterSpace space, IReadOnlyList<TrialEntry> trials, DateTimeOffset now)
    {
        if (study.Trials is int max && trials.Count >= max) return null;
        var tuner = Create(study, space);
        double Loss(TrialEntry entry) => entry.Score is double score ? study.Metric.ToLoss(score) : double.PositiveInfinity;
        TrialReplay.Run(tuner, trials, (trial, entry) => tuner.Report(trial, Loss(entry), Cost(entry), entry.Status == TrialStatus.Failed), name);
        if (tuner.IsDone) return null;
        var reports = trials.Count(t => t.ReportOrder is not null);
        return Entry(tuner.Propose(), TrialStatus.Running, reports, now);
    }

    /// <summary>The seconds a trial took, as the tuner's cost (0 for one that never reported a time).</summary>
    private static double Cost(TrialEntry entry) => double.IsFinite(entry.Seconds) && entry.Seconds >= 0 ? entry.Seconds : 0;

    private static TrialEntry Entry(Trial trial, TrialStatus status, int proposedAfter, DateTimeOffset now) =>
        new(trial.Id, TrialBook.LearnerOf(trial), trial.Parameters.ToJsonNode(), trial.SampleSize, status,
            Score: null, FoldScores: [], Seconds: 0, Error: null, proposedAfter, ReportOrder: null, now, FinishedAt: null);
}
