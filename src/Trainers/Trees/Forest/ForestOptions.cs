namespace Pipelines.Trainers.Trees.Forest;

/// <summary>
/// Options shared by the random forest and extra trees learners (names as scikit-learn's). Each tree is grown on binned
/// features (as the GBDT: quantile bins, a missing bin, native categories) to the limits below; a node's split maximizes
/// the weighted impurity decrease (Gini for classification, squared error for regression) over <see cref="MaxFeatures"/>
/// features drawn at random per node. The model averages the trees' leaf values (class shares or means).
/// </summary>
public abstract record ForestOptions
{
    /// <summary>Number of trees.</summary>
    public int Trees { get; init; } = 100;

    /// <summary>Deepest a leaf may be (the root has depth 0); null for no limit.</summary>
    public int? MaxDepth { get; init; }

    /// <summary>Fewest training rows (distinct rows of the tree's sample) in a leaf.</summary>
    public int MinSamplesLeaf { get; init; } = 1;

    /// <summary>Features a node considers; null for the task's default (sqrt for classification, all for regression).</summary>
    public MaxFeatures? MaxFeatures { get; init; }

    /// <summary>Whether each tree sees a bootstrap sample (n draws with replacement; draw counts multiply the weights). Also enables the out-of-bag score.</summary>
    public abstract bool Bootstrap { get; init; }

    /// <summary>Most leaves per tree, grown best-first by impurity decrease; null for no limit (depth-first).</summary>
    public int? MaxLeaves { get; init; }

    /// <summary>Most bins per numeric feature (2 to 255), as the GBDT.</summary>
    public int MaxBins { get; init; } = 255;

    /// <summary>Rows sampled to find numeric bin bounds.</summary>
    public int BinSampleSize { get; init; } = 200_000;

    /// <summary>Seed of binning, bootstrap samples, feature draws and random thresholds: tree t uses a generator derived from (Seed, t).</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Trees grown at once; null uses the <see cref="Pipelines.Core.TrainingContext"/> cap (every core outside a context),
    /// and a set value is capped by it too. Results do not depend on it.
    /// </summary>
    public int? Threads { get; init; }
}

/// <summary>Options of the forest classifiers: per-class weights.</summary>
public abstract record ForestClassifierOptions : ForestOptions
{
    /// <summary>Weight multiplier per class name (classes not named keep 1), applied to the sample weights.</summary>
    public IReadOnlyDictionary<string, double>? ClassWeights { get; init; }
}
