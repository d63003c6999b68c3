using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Trainers.Trees.Forest;

namespace Pipelines.AutoML.SearchSpace;

/// <summary>
/// Random forest (<see cref="RandomForest"/>: <see cref="RandomForestClassifier"/>, <see cref="RandomForestRegressor"/>) and
/// extra trees (<see cref="ExtraTrees"/>: <see cref="ExtraTreesClassifier"/>, <see cref="ExtraTreesRegressor"/>). Ranges follow
/// FLAML's rf / extra_tree spaces, narrowed for small data: n_estimators [4, 512] log, max_leaves [4, 2048] log (both
/// default 4: the cheapest model first), max_features as a fraction of the features [0.1, 1] log (default 1: every
/// feature, as FLAML), min_samples_leaf [1, 32] log (1). Both read categorical features natively; the thread count is
/// left to the training context.
/// </summary>
public sealed class ForestLearnerSpace : ILearnerSpace
{
    private readonly bool _extraTrees;
    private readonly double _fullTreeLeaves;

    private ForestLearnerSpace(string name, bool extraTrees, double relativeCost, double fullTreeLeaves)
    {
        Name = name;
        _extraTrees = extraTrees;
        RelativeCost = relativeCost;
        _fullTreeLeaves = fullTreeLeaves;
    }

    /// <summary>
    /// Bootstrap samples and the best threshold per feature. Relative cost 1.1, and trees stop costing more beyond about
    /// 256 leaves: measured on data/messy_churn.csv (3,000 rows), single-threaded.
    /// </summary>
    public static ForestLearnerSpace RandomForest { get; } = new("random_forest", extraTrees: false, relativeCost: 1.1, fullTreeLeaves: 256);

    /// <summary>
    /// All rows and one random threshold per feature: cheaper per node, but trees keep growing costlier up to about 2,048
    /// leaves. Relative cost 0.8, measured as for <see cref="RandomForest"/>.
    /// </summary>
    public static ForestLearnerSpace ExtraTrees { get; } = new("extra_trees", extraTrees: true, relativeCost: 0.8, fullTreeLeaves: 2048);

    private const int MostLeaves = 2048;

    public string Name { get; }
    public double RelativeCost { get; }
    public bool AcceptsCategorical => true;

    public bool Supports(PredictionTask task) => true;

    public ParameterSpace Space(PredictionTask task) => new(
        ("n_estimators", new IntRange(4, 512, defaultValue: 4, log: true)),
        ("max_leaves", new IntRange(4, MostLeaves, defaultValue: 4, log: true)),
        ("max_features", new FloatRange(0.1, 1, defaultValue: 1, log: true)),
        ("min_samples_leaf", new IntRange(1, 32, defaultValue: 1, log: true)));

    /// <summary>
    /// <see cref="ForestOptions"/>' defaults: 100 trees grown without a leaf limit (the space's most leaves) and, for
    /// classification, √features per node (as a fraction, within the space's range).
    /// </summary>
    public IReadOnlyDictionary<string, double> LibraryDefaults(PredictionTask task, int featureCount)
    {
        var values = new Dictionary<string, double> { ["n_estimators"] = new RandomForestClassifier().Trees, ["max_leaves"] = MostLeaves };
        if (task != PredictionTask.Regression && featureCount > 0) values["max_features"] = Math.Clamp(Math.Sqrt(featureCount) / featureCount, 0.1, 1);
        return values;
    }

    public IEstimator<ITransformer> Create(Parameters parameters, PredictionTask task, int seed)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var regression = task == PredictionTask.Regression;
        return (_extraTrees, regression) switch
        {
            (false, false) => Apply(new RandomForestClassifier(), parameters, seed),
            (false, true) => Apply(new RandomForestRegressor(), parameters, seed),
            (true, false) => Apply(new ExtraTreesClassifier(), parameters, seed),
            (true, true) => Apply(new ExtraTreesRegressor(), parameters, seed),
        };
    }

    /// <summary>
    /// 0.5 + u · n_estimators · (min(max_leaves, L / min_samples_leaf) / 4)^0.6 · (0.4 + 0.6 · max_features), with
    /// u = (<see cref="RelativeCost"/> - 0.5) / 4 so the defaults cost <see cref="RelativeCost"/>. The 0.5 is binning,
    /// paid once; each tree costs more with its leaves (sublinearly: deeper nodes hold fewer rows) up to L, where a tree
    /// grown without limit stops getting costlier (256 for random forest, 2,048 for extra trees; fewer when leaves must
    /// hold more rows), and with the features each node scans. Fitted to fit times on data/messy_churn.csv: within 30%
    /// for trees of up to 64 leaves, within 1.6x for larger ones.
    /// </summary>
    public double EstimateCost(Parameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var perTree = (RelativeCost - 0.5) / 4;
        var leaves = Math.Min(parameters.GetInt("max_leaves"), _fullTreeLeaves / parameters.GetInt("min_samples_leaf"));
        return 0.5 + perTree * parameters.GetInt("n_estimators") * Math.Pow(leaves / 4, 0.6) * (0.4 + 0.6 * parameters.GetDouble("max_features"));
    }

    private static T Apply<T>(T options, Parameters p, int seed) where T : ForestOptions => options with
    {
        Trees = p.GetInt("n_estimators"),
        MaxLeaves = p.GetInt("max_leaves"),
        MaxFeatures = MaxFeatures.OfFraction(p.GetDouble("max_features")),
        MinSamplesLeaf = p.GetInt("min_samples_leaf"),
        Seed = seed,
    };
}
