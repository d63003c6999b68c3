using Pipelines.Data;
using Pipelines.Trainers.Trees.Prediction;

namespace Pipelines.Trainers.Trees;

/// <summary>
/// Options shared by <see cref="GbdtClassifier"/> and <see cref="GbdtRegressor"/> (names as LightGBM's where they exist).
/// Each round adds one tree per output, grown leaf-wise on histograms of binned features; leaf value
/// w = -LearningRate * T(G) / (H + L2), T(G) = sign(G) max(|G| - L1, 0), and a split's gain is
/// (S(L) + S(R) - S(parent)) / 2 with S = T(G)^2 / (H + L2), as XGBoost.
/// </summary>
public abstract record GbdtOptions
{
    /// <summary>Most leaves per tree (leaf-wise growth stops here).</summary>
    public int NumLeaves { get; init; } = 31;

    /// <summary>Deepest a leaf may be; -1 (or 0) for no limit.</summary>
    public int MaxDepth { get; init; } = -1;

    /// <summary>Shrinkage applied to every leaf value.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Boosting rounds (trees per output), the most when early stopping.</summary>
    public int Rounds { get; init; } = 100;

    /// <summary>Fewest training rows in a leaf.</summary>
    public int MinChildSamples { get; init; } = 20;

    /// <summary>Smallest hessian sum in a leaf.</summary>
    public double MinChildWeight { get; init; } = 1e-3;

    /// <summary>L1 penalty alpha on leaf values.</summary>
    public double L1 { get; init; }

    /// <summary>
    /// L2 penalty lambda on leaf values. Default 1, as XGBoost (LightGBM uses 0): on the small data sets this toolkit
    /// targets it keeps leaves with few, confidently classified rows (tiny hessians) from taking huge values.
    /// </summary>
    public double L2 { get; init; } = 1;

    /// <summary>gamma: a split must gain more than this.</summary>
    public double MinSplitGain { get; init; }

    /// <summary>Share of rows each round trains on (bagging, without replacement); 1 uses every row.</summary>
    public double RowSubsample { get; init; } = 1;

    /// <summary>Share of features each tree may split on; 1 uses every feature.</summary>
    public double ColumnSubsample { get; init; } = 1;

    /// <summary>Most value bins per feature (2..255); one more bin holds missing values.</summary>
    public int MaxBins { get; init; } = 255;

    /// <summary>Rows sampled (with the seed) to find numeric bin bounds.</summary>
    public int BinSampleSize { get; init; } = 200_000;

    /// <summary>Most categories on the left side of a categorical split.</summary>
    public int MaxCatThreshold { get; init; } = 32;

    /// <summary>
    /// Smoothing of G / (H + CatSmooth) when ordering categories for a split; where a split groups categories (more than
    /// four present), a category of fewer rows than this is never in its left set (it goes right, with unseen ones).
    /// </summary>
    public double CatSmooth { get; init; } = 10;

    /// <summary>
    /// L2 added to <see cref="L2"/> for a split that groups categories (more than four present): in its score and in its
    /// children's leaf values, as LightGBM's cat_l2.
    /// </summary>
    public double CatL2 { get; init; } = 10;

    /// <summary>
    /// Fewest rows between two left sets a categorical split tries (the categories are taken in order, and a set is tried
    /// once its last group holds this many rows), and fewest rows it leaves on the right.
    /// </summary>
    public int MinDataPerGroup { get; init; } = 100;

    /// <summary>Stop after this many rounds without a lower validation loss (null: no early stopping). Keeps the best round.</summary>
    public int? EarlyStoppingRounds { get; init; }

    /// <summary>
    /// With early stopping and no <see cref="Validation"/> frame: the share of training rows held out (stratified, seeded
    /// with <see cref="Seed"/>) to watch the loss on.
    /// </summary>
    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>A validation frame for early stopping (same feature columns and label); overrides <see cref="ValidationFraction"/>.</summary>
    public DataFrame? Validation { get; init; }

    /// <summary>Warm start: a fitted model (same features and classes) whose trees are kept and continued on the new data.</summary>
    public GbdtModel? InitModel { get; init; }

    /// <summary>Seed of binning samples, bagging, column sampling and the validation split.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Threads to build histograms with; null uses the <see cref="Pipelines.Core.TrainingContext"/> cap (every core outside a
    /// context), and a set value is capped by it too. Results do not depend on it.
    /// </summary>
    public int? Threads { get; init; }
}
