using Pipelines.Core;
using Pipelines.Data;
using Pipelines.MLNet.Trainers;

namespace Pipelines.AutoML.SearchSpace;

/// <summary>
/// ML.NET's FastForest (<see cref="FastForestClassifier"/> for binary labels, <see cref="FastForestRegressor"/>; no
/// multiclass, as <see cref="FastTreeLearnerSpace"/>). The space is Microsoft.ML.AutoML's fast_forest_search_space.json,
/// names in snake case, with its defaults, narrowed: number_of_trees and number_of_leaves [4, 1024] log (4; AutoML to
/// 32,768), feature_fraction [0.1, 1] (1; AutoML from 2e-10).
/// </summary>
public sealed class FastForestLearnerSpace : ILearnerSpace
{
    public string Name => "fastforest";

    /// <summary>See <see cref="MLNetLearnerCosts.FastForest"/>.</summary>
    public double RelativeCost => MLNetLearnerCosts.FastForest;

    public bool AcceptsCategorical => false;

    public bool Supports(PredictionTask task) => task != PredictionTask.MulticlassClassification;

    public ParameterSpace Space(PredictionTask task) => new(
        ("number_of_trees", new IntRange(4, 1024, defaultValue: 4, log: true)),
        ("number_of_leaves", new IntRange(4, 1024, defaultValue: 4, log: true)),
        ("feature_fraction", new FloatRange(0.1, 1, defaultValue: 1)));

    /// <summary>ML.NET's FastForest defaults (FastForestOptionsBase, Defaults): 100 trees of 20 leaves, feature fraction 0.7.</summary>
    public IReadOnlyDictionary<string, double> LibraryDefaults(PredictionTask task, int featureCount)
    {
        var library = new FastForestClassifier();
        return new Dictionary<string, double>
        {
            ["number_of_trees"] = library.NumberOfTrees,
            ["number_of_leaves"] = library.NumberOfLeaves,
            ["feature_fraction"] = library.FeatureFraction,
        };
    }

    public IEstimator<ITransformer> Create(Parameters parameters, PredictionTask task, int seed)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return task == PredictionTask.Regression ? Apply(new FastForestRegressor(), parameters, seed) : Apply(new FastForestClassifier(), parameters, seed);
    }

    /// <summary><see cref="MLNetLearnerCosts.FastForestCost"/>.</summary>
    public double EstimateCost(Parameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return MLNetLearnerCosts.FastForestCost(parameters.GetInt("number_of_trees"), parameters.GetInt("number_of_leaves"), parameters.GetDouble("feature_fraction"));
    }

    private static T Apply<T>(T options, Parameters p, int seed) where T : FastForestOptions => options with
    {
        NumberOfTrees = p.GetInt("number_of_trees"),
        NumberOfLeaves = p.GetInt("number_of_leaves"),
        FeatureFraction = p.GetDouble("feature_fraction"),
        Seed = seed,
    };
}
