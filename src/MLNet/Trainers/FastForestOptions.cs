using Microsoft.ML.Trainers.FastTree;
using Pipelines.Errors;

namespace Pipelines.MLNet.Trainers;

/// <summary>
/// Options shared by <see cref="FastForestClassifier"/> and <see cref="FastForestRegressor"/>: ML.NET's FastForest
/// (random forest of FastTree's trees) options under their ML.NET names and defaults. ML.NET skips every training row
/// with a NaN feature, so NaN is refused when fitting (impute first); at prediction its trees send NaN right (ML.NET keeps
/// no missing-value direction for them).
/// </summary>
public abstract record FastForestOptions : MLNetTrainerOptions
{
    /// <summary>Trees in the forest.</summary>
    public int NumberOfTrees { get; init; } = 100;

    /// <summary>Most leaves per tree.</summary>
    public int NumberOfLeaves { get; init; } = 20;

    /// <summary>Fewest rows in a leaf.</summary>
    public int MinimumExampleCountPerLeaf { get; init; } = 10;

    /// <summary>Share of features each tree may split on (FastForest's default 0.7).</summary>
    public double FeatureFraction { get; init; } = 0.7;

    /// <summary>Copies these values (and the seed and threads) into ML.NET's options.</summary>
    private protected T Apply<T>(T options) where T : TreeOptions
    {
        options.NumberOfTrees = NumberOfTrees;
        options.NumberOfLeaves = NumberOfLeaves;
        options.MinimumExampleCountPerLeaf = MinimumExampleCountPerLeaf;
        options.FeatureFraction = FeatureFraction;
        options.Seed = Seed;
        options.NumberOfThreads = MLNetTraining.Threads(this);
        options.LabelColumnName = TrainingDataView.Label;
        options.FeatureColumnName = TrainingDataView.Features;
        options.ExampleWeightColumnName = TrainingDataView.Weight;
        return options;
    }

    /// <summary>
    /// Refuses a forest ML.NET fitted without a tree: it grows none when no leaf can keep
    /// <see cref="MinimumExampleCountPerLeaf"/> rows, and a forest of no trees has nothing to predict with.
    /// </summary>
    private protected void CheckGrew(string step, int trees, MLNetData data)
    {
        if (trees > 0) return;
        var rows = data.View.GetRowCount() ?? 0;
        throw new DataValueException(
            $"{step}: ML.NET's FastForest grew no tree from {rows:N0} rows, as every leaf needs at least {MinimumExampleCountPerLeaf} of them " +
            $"({nameof(MinimumExampleCountPerLeaf)}). Give it more rows or a smaller {nameof(MinimumExampleCountPerLeaf)}.");
    }

    private protected void Validate(string step)
    {
        if (NumberOfTrees < 1) ThrowHelper.BadOption(step, nameof(NumberOfTrees), NumberOfTrees, "at least 1");
        if (NumberOfLeaves < 2) ThrowHelper.BadOption(step, nameof(NumberOfLeaves), NumberOfLeaves, "at least 2");
        if (MinimumExampleCountPerLeaf < 1) ThrowHelper.BadOption(step, nameof(MinimumExampleCountPerLeaf), MinimumExampleCountPerLeaf, "at least 1");
        if (FeatureFraction is not (> 0 and <= 1)) ThrowHelper.BadOption(step, nameof(FeatureFraction), FeatureFraction, "a fraction in (0, 1]");
        if (Threads is < 1) ThrowHelper.BadOption(step, nameof(Threads), Threads, "at least 1, or null");
    }
}
