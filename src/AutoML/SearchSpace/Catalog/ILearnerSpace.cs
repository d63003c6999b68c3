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
}
