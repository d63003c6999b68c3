using Pipelines.AutoML.Store;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Experiments;

/// <summary>What an experiment found and fitted.</summary>
public sealed record ExperimentResult
{
    /// <summary>The study as stored (name, metric, fingerprint, settings).</summary>
    public required StudySpec Study { get; init; }

    public required Metric Metric { get; init; }

    public required PredictionTask Task { get; init; }

    /// <summary>Classes in prediction order (classification).</summary>
    public required IReadOnlyList<string> Classes { get; init; }

    /// <summary>Every trial of the study (earlier runs' included), by id.</summary>
    public required IReadOnlyList<TrialEntry> Trials { get; init; }

    /// <summary>
    /// The best single trial by out-of-fold score whose refit on all training rows fitted them (<see cref="SetAside"/>
    /// names any better one whose refit failed).
    /// </summary>
    public required TrialEntry Best { get; init; }

    /// <summary>
    /// Trials the final model would have used but whose refit on all training rows predicted those rows clearly worse
    /// than their out-of-fold predictions did (a fit that did not converge), in words, and whether the search's best
    /// shipped nonetheless because no other trial was left; empty when none.
    /// </summary>
    public IReadOnlyList<string> SetAside { get; init; } = [];

    /// <summary>The ensemble that was selected, whether or not it is used; null when ensembling was off or had one candidate.</summary>
    public EnsembleSummary? Ensemble { get; init; }

    /// <summary>
    /// The final model, refit on all training rows: the ensemble when it beat the best single trial out of fold, else
    /// the best trial's pipeline. Takes the training frame's columns (text columns included and ignored).
    /// </summary>
    public required ITransformer Model { get; init; }

    /// <summary>The best single trial's pipeline refit on all training rows (the same as <see cref="Model"/> without an ensemble).</summary>
    public required ITransformer BestModel { get; init; }

    /// <summary>
    /// What <see cref="Model"/> is (its pipelines, weights, seeds and decision step), to fit the same model on other rows
    /// (<see cref="FinalModelRecipe.Refit"/>).
    /// </summary>
    public required FinalModelRecipe Recipe { get; init; }

    /// <summary>Out-of-fold predictions of the final model's members combined as it combines them, over <see cref="ValidationRows"/>.</summary>
    public required float[] OutOfFold { get; init; }

    /// <summary>
    /// The final decision step (calibration and rule) appended to <see cref="Model"/> for a classifier, with what was
    /// chosen and the threshold curve; null for regression.
    /// </summary>
    public Calibration.DecisionFit? Decision { get; init; }

    /// <summary>Training rows with out-of-fold predictions, ascending.</summary>
    public required IReadOnlyList<int> ValidationRows { get; init; }

    /// <summary>
    /// The out-of-fold score of <see cref="Model"/> as it decides: for a classifier scored on predicted classes, through
    /// its decision step with the rule cross-fitted (<see cref="Calibration.DecisionFit.CrossFitLabels"/>), so no row is
    /// scored by a rule tuned on it. The scores trials and ensembles were ranked by (<see cref="TrialEntry.Score"/>,
    /// <see cref="EnsembleSummary.Score"/>) score a binary rule on the rows it was tuned on, a multiclass trial by
    /// argmax, and skip the calibration (<see cref="TrialScorer"/>).
    /// </summary>
    public required double Score { get; init; }

    /// <summary>The out-of-fold score of <see cref="BestModel"/> as it decides, as <see cref="Score"/> is for <see cref="Model"/>.</summary>
    public required double BestModelScore { get; init; }

    /// <summary>Text feature columns left out of the search (the model ignores them).</summary>
    public required IReadOnlyList<string> DroppedColumns { get; init; }

    public required TimeSpan Elapsed { get; init; }

    /// <summary>True when the run was interrupted before its budget or trial count was spent.</summary>
    public required bool Interrupted { get; init; }
}

/// <summary>
/// A selected ensemble: member trial ids with weights (summing to 1), its out-of-fold score, whether it is used, and
/// whether it blends the learners' library-defaults trials (the small-data portfolio; it may then have one member).
/// </summary>
public sealed record EnsembleSummary(IReadOnlyList<(int Trial, double Weight)> Members, double Score, double BestSingleScore, bool IsUsed, bool OfLibraryDefaults = false);
