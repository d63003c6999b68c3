using Microsoft.ML.Trainers.LightGbm;
using Pipelines.Errors;

namespace Pipelines.MLNet.Trainers;

/// <summary>
/// Options shared by <see cref="LightGbmClassifier"/> and <see cref="LightGbmRegressor"/>: ML.NET's LightGbm trainer
/// options under their ML.NET names, with ML.NET's defaults (a null option is ML.NET's own data-dependent choice). Each
/// round adds one tree per output, grown leaf-wise by LightGBM; NaN features are LightGBM's missing values (each split
/// learns where they go). Training is deterministic under <see cref="MLNetTrainerOptions.Seed"/> (LightGBM's
/// deterministic mode).
/// </summary>
public abstract record LightGbmOptions : MLNetTrainerOptions
{
    /// <summary>Boosting rounds.</summary>
    public int NumberOfIterations { get; init; } = 100;

    /// <summary>Shrinkage of every leaf value; null: ML.NET's choice (0.2 up to 100,000 rows, else 0.25).</summary>
    public double? LearningRate { get; init; }

    /// <summary>Most leaves per tree; null: ML.NET's choice (20 up to 100,000 rows, else 30).</summary>
    public int? NumberOfLeaves { get; init; }

    /// <summary>Fewest rows in a leaf; null: ML.NET's choice (20; multiclass: rows / leaves / classes / 10 within [5, 50]).</summary>
    public int? MinimumExampleCountPerLeaf { get; init; }

    /// <summary>Most value bins per feature.</summary>
    public int MaximumBinCountPerFeature { get; init; } = 255;

    /// <summary>L1 penalty on leaf values.</summary>
    public double L1Regularization { get; init; }

    /// <summary>L2 penalty on leaf values.</summary>
    public double L2Regularization { get; init; } = 0.01;

    /// <summary>
    /// Share of rows each round trains on. Below 1 this also sets LightGBM's bagging frequency to every round: LightGBM
    /// ignores the fraction while the frequency is 0, its default (Microsoft.ML.AutoML sets only the fraction).
    /// </summary>
    public double SubsampleFraction { get; init; } = 1;

    /// <summary>Share of features each tree may split on.</summary>
    public double FeatureFraction { get; init; } = 1;

    /// <summary>The booster options these values ask for.</summary>
    private protected GradientBooster.Options Booster() => new()
    {
        L1Regularization = L1Regularization,
        L2Regularization = L2Regularization,
        SubsampleFraction = SubsampleFraction,
        SubsampleFrequency = SubsampleFraction < 1 ? 1 : 0,
        FeatureFraction = FeatureFraction,
    };

    private protected void Validate(string step)
    {
        if (NumberOfIterations < 1) ThrowHelper.BadOption(step, nameof(NumberOfIterations), NumberOfIterations, "at least 1");
        if (LearningRate is { } rate && !(rate > 0 && double.IsFinite(rate))) ThrowHelper.BadOption(step, nameof(LearningRate), rate, "a positive number, or null");
        if (NumberOfLeaves is < 2) ThrowHelper.BadOption(step, nameof(NumberOfLeaves), NumberOfLeaves, "at least 2, or null");
        if (MinimumExampleCountPerLeaf is < 1) ThrowHelper.BadOption(step, nameof(MinimumExampleCountPerLeaf), MinimumExampleCountPerLeaf, "at least 1, or null");
        if (MaximumBinCountPerFeature < 2) ThrowHelper.BadOption(step, nameof(MaximumBinCountPerFeature), MaximumBinCountPerFeature, "at least 2");
        if (!(L1Regularization >= 0)) ThrowHelper.BadOption(step, nameof(L1Regularization), L1Regularization, "0 or more");
        if (!(L2Regularization >= 0)) ThrowHelper.BadOption(step, nameof(L2Regularization), L2Regularization, "0 or more");
        if (SubsampleFraction is not (> 0 and <= 1)) ThrowHelper.BadOption(step, nameof(SubsampleFraction), SubsampleFraction, "a fraction in (0, 1]");
        if (FeatureFraction is not (> 0 and <= 1)) ThrowHelper.BadOption(step, nameof(FeatureFraction), FeatureFraction, "a fraction in (0, 1]");
        if (Threads is < 1) ThrowHelper.BadOption(step, nameof(Threads), Threads, "at least 1, or null");
    }
}
