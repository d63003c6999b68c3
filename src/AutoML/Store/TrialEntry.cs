using System.Text.Json.Nodes;

namespace Pipelines.AutoML.Store;

/// <summary>
/// One trial as the store keeps it: what was tried, how it went and when. Written when the trial starts
/// (<see cref="TrialStatus.Running"/>) and again, in one transaction, when it ends.
/// </summary>
/// <param name="Id">The tuner's trial id, unique within a study, from 0.</param>
/// <param name="Learner">The learner's name (the "learner" choice), or null for a sweep space without one.</param>
/// <param name="Parameters">The decoded parameters (<c>Parameters.ToJsonNode()</c>).</param>
/// <param name="SampleSize">Training rows used when the search ran on a sample; null for all rows.</param>
/// <param name="Status">Where the trial stands.</param>
/// <param name="Score">The metric on the pooled out-of-fold predictions (in the metric's own units, not a loss); null unless succeeded.</param>
/// <param name="FoldScores">The metric per finished fold, in fold order.</param>
/// <param name="Seconds">Wall-clock seconds the trial ran.</param>
/// <param name="Error">Why it failed or was cancelled, in one line; null otherwise.</param>
/// <param name="ProposedAfter">How many reports the tuner had received when it proposed this trial (to replay the search on resume).</param>
/// <param name="ReportOrder">The position of this trial's report among all reports of the study (0, 1, ...); null until finished.</param>
/// <param name="StartedAt">When it started (UTC).</param>
/// <param name="FinishedAt">When it ended (UTC); null while running.</param>
public sealed record TrialEntry(
    int Id,
    string? Learner,
    JsonObject Parameters,
    int? SampleSize,
    TrialStatus Status,
    double? Score,
    IReadOnlyList<double> FoldScores,
    double Seconds,
    string? Error,
    int ProposedAfter,
    int? ReportOrder,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt)
{
    /// <summary>
    /// Out-of-fold predictions of a succeeded trial, row-major (rows × classes probabilities, or one value per row for
    /// regression) over the experiment's validation rows in their fixed order; what ensembling selects from. Null when
    /// not kept.
    /// </summary>
    public float[]? OutOfFold { get; init; }

    /// <summary>
    /// The cost the tuner was told when the trial was reported, which a resumed study tells it again: its
    /// <see cref="Seconds"/> in a timed search, except for a trial stopped for its pace (the seconds it was projected to
    /// need); null until reported, and in studies stored before the cost was kept (their replay uses the seconds).
    /// </summary>
    public double? ReportedCost { get; init; }
}
