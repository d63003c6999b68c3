using Pipelines.Core;
using Pipelines.Data;
using Pipelines.MLNet.Trainers;

namespace Pipelines.AutoML.SearchSpace;

/// <summary>
/// ML.NET's L-BFGS classifiers (<see cref="LbfgsClassifier"/>: LbfgsLogisticRegression for binary labels,
/// LbfgsMaximumEntropy for more; no regression: ML.NET's L-BFGS regression is Poisson, whose exp link and count labels
/// the project's models do not have). The space is Microsoft.ML.AutoML's lbfgs_search_space.json as it is:
/// l1_regularization and l2_regularization [2⁻⁵, 2¹⁵] log, default 1 each, which are also the trainers' defaults.
/// </summary>
public sealed class LbfgsLearnerSpace : ILearnerSpace
{
    public string Name => "lbfgs";

    /// <summary>See <see cref="MLNetLearnerCosts.Lbfgs"/>; the penalties do not predict the iterations, so no EstimateCost.</summary>
    public double RelativeCost => MLNetLearnerCosts.Lbfgs;

    public bool AcceptsCategorical => false;

    /// <summary>The penalties act on the features' scale, so the library-defaults trial z-scores them.</summary>
    public bool IsScaleSensitive => true;

    public bool Supports(PredictionTask task) => task != PredictionTask.Regression;

    public ParameterSpace Space(PredictionTask task) => new(
        ("l1_regularization", new FloatRange(0.03125, 32768, defaultValue: 1, log: true)),
        ("l2_regularization", new FloatRange(0.03125, 32768, defaultValue: 1, log: true)));

    public IEstimator<ITransformer> Create(Parameters parameters, PredictionTask task, int seed)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new LbfgsClassifier
        {
            L1Regularization = (float)parameters.GetDouble("l1_regularization"),
            L2Regularization = (float)parameters.GetDouble("l2_regularization"),
            Seed = seed,
        };
    }
}
