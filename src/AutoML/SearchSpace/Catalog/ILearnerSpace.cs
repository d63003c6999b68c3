using Pipelines.Core;
using Pipelines.Data;

namespace Pipelines.AutoML.SearchSpace;

/// <summary>
/// What a learner contributes to AutoML (ML.NET's SweepableEstimator idea): its hyperparameter space, a factory from
/// decoded parameters to the estimator, and the estimated relative cost of a trial, at its defaults (for ECI) and for
/// given parameters (a deterministic stand-in for measured time when a run must be reproducible).
/// </summary>
public interface ILearnerSpace
{
    /// <summary>The option name under the "learner" choice.</summary>
    string Name { get; }

    /// <summary>Cost of one trial at the defaults relative to the other learners (GBDT at 4 rounds = 1).</summary>
    double RelativeCost { get; }

    /// <summary>False when the learner needs numeric features only (categoricals must be encoded before it).</summary>
    bool AcceptsCategorical { get; }

    bool Supports(PredictionTask task);

    /// <summary>The hyperparameters, with low-cost defaults.</summary>
    ParameterSpace Space(PredictionTask task);

    /// <summary>The estimator for <paramref name="parameters"/> (this learner's section), seeded.</summary>
    IEstimator<ITransformer> Create(Parameters parameters, PredictionTask task, int seed);

    /// <summary>
    /// The cost of a trial with <paramref name="parameters"/> (this learner's section) on the scale of
    /// <see cref="RelativeCost"/>: a pure function of the parameters, equal to <see cref="RelativeCost"/> at the defaults.
    /// Learners that do not say take <see cref="RelativeCost"/> whatever the parameters.
    /// </summary>
    double EstimateCost(Parameters parameters) => RelativeCost;

    /// <summary>
    /// The estimator's own defaults (what a user gets with no options), as values of this learner's space for data with
    /// <paramref name="featureCount"/> features; names left out keep the space's defaults. The search evaluates them
    /// early, next to the low-cost start (FLAML's points_to_evaluate), so a tuned result is never one its own validation
    /// ranks below the untuned learner. Empty when the low-cost defaults are the library defaults.
    /// </summary>
    IReadOnlyDictionary<string, double> LibraryDefaults(PredictionTask task, int featureCount) => new Dictionary<string, double>();

    /// <summary>True when the learner is sensitive to the scale of numeric features (its library-defaults trial z-scores them).</summary>
    bool IsScaleSensitive => false;
}
