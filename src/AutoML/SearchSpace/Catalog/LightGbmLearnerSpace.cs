using Pipelines.Core;
using Pipelines.Data;
using Pipelines.MLNet.Trainers;

namespace Pipelines.AutoML.SearchSpace;

/// <summary>
/// ML.NET's LightGbm (<see cref="LightGbmClassifier"/>, <see cref="LightGbmRegressor"/>). The space is
/// Microsoft.ML.AutoML's lgbm_search_space.json (src/Microsoft.ML.AutoML/CodeGen), names in snake case, with the same
/// defaults (its low-cost start: 4 trees of 4 leaves, learning rate 1) and ranges, narrowed where a random or TPE draw
/// would spend a small budget on useless trials: number_of_trees and number_of_leaves [4, 1024] log (AutoML: [4, 32768],
/// linear), learning_rate [2⁻¹⁰, 1] log and subsample_fraction [0.1, 1] log (AutoML: from 2e-10), feature_fraction
/// [0.1, 1] (AutoML: from 2e-10). Kept as AutoML has them: minimum_example_count_per_leaf [20, 1024] log (20),
/// maximum_bin_count_per_feature [8, 1024] log (256), l1_regularization and l2_regularization [2e-10, 1] log (2e-10, 1).
/// Categorical features are one-hot encoded before it (as Microsoft.ML.AutoML does); NaN reaches it as LightGBM's
/// missing value.
/// </summary>
public sealed class LightGbmLearnerSpace : ILearnerSpace
{
    public string Name => "lightgbm";

    /// <summary>See <see cref="MLNetLearnerCosts.LightGbm"/>.</summary>
    public double RelativeCost => MLNetLearnerCosts.LightGbm;

    public bool AcceptsCategorical => false;

    public bool Supports(PredictionTask task) => true;

    public ParameterSpace Space(PredictionTask task) => new(
        ("number_of_leaves", new IntRange(4, 1024, defaultValue: 4, log: true)),
        ("minimum_example_count_per_leaf", new IntRange(20, 1024, defaultValue: 20, log: true)),
        ("learning_rate", new FloatRange(1.0 / 1024, 1, defaultValue: 1, log: true)),
        ("number_of_trees", new IntRange(4, 1024, defaultValue: 4, log: true)),
        ("subsample_fraction", new FloatRange(0.1, 1, defaultValue: 1, log: true)),
        ("maximum_bin_count_per_feature", new IntRange(8, 1024, defaultValue: 256, log: true)),
        ("feature_fraction", new FloatRange(0.1, 1, defaultValue: 1)),
        ("l1_regularization", new FloatRange(2e-10, 1, defaultValue: 2e-10, log: true)),
        ("l2_regularization", new FloatRange(2e-10, 1, defaultValue: 1, log: true)));

    /// <summary>
    /// ML.NET's LightGbm defaults (LightGbmTrainerBase.Options, GradientBooster.Options): 100 iterations, 255 bins, L2
    /// 0.01, and its data-dependent choices for data of up to 100,000 rows without categorical metadata: learning rate
    /// 0.2, 20 leaves, 20 rows per leaf (LightGbmTrainerBase.DefaultLearningRate, DefaultNumLeaves, DefaultMinDataPerLeaf).
    /// </summary>
    public IReadOnlyDictionary<string, double> LibraryDefaults(PredictionTask task, int featureCount) => new Dictionary<string, double>
    {
        ["number_of_trees"] = new LightGbmClassifier().NumberOfIterations,
        ["learning_rate"] = 0.2,
        ["number_of_leaves"] = 20,
        ["maximum_bin_count_per_feature"] = new LightGbmClassifier().MaximumBinCountPerFeature,
        ["l2_regularization"] = new LightGbmClassifier().L2Regularization,
    };

    public IEstimator<ITransformer> Create(Parameters parameters, PredictionTask task, int seed)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return task == PredictionTask.Regression ? Apply(new LightGbmRegressor(), parameters, seed) : Apply(new LightGbmClassifier(), parameters, seed);
    }

    /// <summary><see cref="MLNetLearnerCosts.LightGbmCost"/>.</summary>
    public double EstimateCost(Parameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return MLNetLearnerCosts.LightGbmCost(parameters.GetInt("number_of_trees"), parameters.GetInt("number_of_leaves"),
            parameters.GetDouble("subsample_fraction"), parameters.GetDouble("feature_fraction"));
    }

    private static T Apply<T>(T options, Parameters p, int seed) where T : LightGbmOptions => options with
    {
        NumberOfLeaves = p.GetInt("number_of_leaves"),
        MinimumExampleCountPerLeaf = p.GetInt("minimum_example_count_per_leaf"),
        LearningRate = p.GetDouble("learning_rate"),
        NumberOfIterations = p.GetInt("number_of_trees"),
        SubsampleFraction = p.GetDouble("subsample_fraction"),
        MaximumBinCountPerFeature = p.GetInt("maximum_bin_count_per_feature"),
        FeatureFraction = p.GetDouble("feature_fraction"),
        L1Regularization = p.GetDouble("l1_regularization"),
        L2Regularization = p.GetDouble("l2_regularization"),
        Seed = seed,
    };
}
