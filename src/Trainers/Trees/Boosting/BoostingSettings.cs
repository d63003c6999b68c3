using Pipelines.Trainers.Trees.Growing;

namespace Pipelines.Trainers.Trees.Boosting;

/// <summary>The boosting loop's settings, resolved from the estimator options.</summary>
internal sealed record BoostingSettings(
    int Rounds, double LearningRate, GrowthParameters Growth, double RowSubsample, double ColumnSubsample,
    int MaxBins, int BinSampleSize, int? EarlyStoppingRounds, int Seed, ParallelOptions Parallel);

/// <summary>One side of the data for boosting: feature columns (numeric or categorical), labels, and starting raw scores (warm start) or null.</summary>
internal sealed record BoostingData(IReadOnlyList<Pipelines.Data.Column> Features, Labels Labels, double[]? StartScores);

/// <summary>What boosting produced: trees of the rounds kept, importances over them, and the validation loss per round.</summary>
internal sealed record BoostingResult(
    IReadOnlyList<Prediction.RegressionTree> Trees, double[] GainImportance, int[] SplitImportance, int BestRound, IReadOnlyList<double> ValidationLoss);
