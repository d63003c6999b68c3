using Pipelines.Core;
using Pipelines.Data;
using Pipelines.MLNet.Trainers;

namespace Pipelines.AutoML.SearchSpace;

/// <summary>
/// ML.NET's FastTree (<see cref="FastTreeClassifier"/> for binary labels, <see cref="FastTreeRegressor"/>; ML.NET has
/// no multiclass FastTree, and the one-versus-all wrapper Microsoft.ML.AutoML uses is not built here). The space is
/// Microsoft.ML.AutoML's fast_tree_search_space.json, names in snake case, with its defaults and ranges, narrowed as
/// for <see cref="LightGbmLearnerSpace"/>: number_of_leaves and number_of_trees [4, 1024] log (4), learning_rate
/// [2⁻¹⁰, 1] log (0.1), feature_fraction [0.1, 1] (1); as AutoML: minimum_example_count_per_leaf [2, 128] log (20),
/// maximum_bin_count_per_feature [8, 1024] log (256).
/// </summary>
public sealed class FastTreeLearnerSpace : ILearnerSpace
{
    public string Name => "fasttree";

    /// <summary>See <see cref="MLNetLearnerCosts.FastTree"/>.</summary>
    public double RelativeCost => MLNetLearnerCosts.FastTree;

    public bool AcceptsCategorical => false;

    public bool Supports(PredictionTask task) => task != PredictionTask.MulticlassClassification;

    public ParameterSpace Space(PredictionTask task) => new(
        ("number_of_leaves", new IntRange(4, 1024, defaultValue: 4, log: true)),
        ("minimum_example_count_per_leaf", new IntRange(2, 128, defaultValue: 20, log: true)),
        ("number_of_trees", new IntRange(4, 1024, defaultValue: 4, log: true)),
        ("maximum_bin_count_per_feature", new IntRange(8, 1024, defaultValue: 256, log: true)),
        ("feature_fraction", new FloatRange(0.1, 1, defaultValue: 1)),
        ("learning_rate", new FloatRange(1.0 / 1024, 1, defaultValue: 0.1, log: true)));

    /// <summary>ML.NET's FastTree defaults (FastTreeArguments.cs, Defaults): 100 trees of 20 leaves, 10 rows per leaf, learning rate 0.2, 255 bins.</summary>
    public IReadOnlyDictionary<string, double> LibraryDefaults(PredictionTask task, int featureCount)
    {
        var library = new FastTreeClassifier();
        return new Dictionary<string, double>
        {
            ["number_of_trees"] = library.NumberOfTrees,
            ["number_of_leaves"] = library.NumberOfLeaves,
            ["minimum_example_count_per_leaf"] = library.MinimumExampleCountPerLeaf,
            ["learning_rate"] = library.LearningRate,
            ["maximum_bin_count_per_feature"] = library.MaximumBinCountPerFeature,
        };
    }

    public IEstimator<ITransformer> Create(Parameters parameters, PredictionTask task, int seed)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return task == PredictionTask.Regression ? Apply(new FastTreeRegressor(), parameters, seed) : Apply(new FastTreeClassifier(), parameters, seed);
    }

    /// <summary><see cref="MLNetLearnerCosts.FastTreeCost"/>.</summary>
    public double EstimateCost(Parameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return MLNetLearnerCosts.FastTreeCost(parameters.GetInt("number_of_trees"), parameters.GetInt("number_of_leaves"), parameters.GetDouble("feature_fraction"));
    }

    private static T Apply<T>(T options, Parameters p, int seed) where T : FastTreeOptions => options with
    {
        NumberOfLeaves = p.GetInt("number_of_leaves"),
        MinimumExampleCountPerLeaf = p.GetInt("minimum_example_count_per_leaf"),
        NumberOfTrees = p.GetInt("number_of_trees"),
        MaximumBinCountPerFeature = p.GetInt("maximum_bin_count_per_feature"),
        FeatureFraction = p.GetDouble("feature_fraction"),
        LearningRate = p.GetDouble("learning_rate"),
        Seed = seed,
    };
}
