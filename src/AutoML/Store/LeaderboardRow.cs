namespace Pipelines.AutoML.Store;

/// <summary>One trial on the leaderboard.</summary>
/// <param name="Rank">1 for the best succeeded trial; null for a failed or cancelled one.</param>
/// <param name="Trial">The trial's id.</param>
/// <param name="Learner">The learner's name, or null for a sweep space without one.</param>
/// <param name="Status">Succeeded for a ranked row, Failed or Cancelled otherwise.</param>
/// <param name="Score">The metric on the pooled out-of-fold predictions; null unless succeeded.</param>
/// <param name="FoldMean">Mean of the fold scores, NaN folds skipped; NaN when there are none.</param>
/// <param name="FoldStd">Population standard deviation (divide by n) of the same fold scores; NaN when there are none.</param>
/// <param name="Seconds">Wall-clock seconds the trial ran.</param>
/// <param name="SampleSize">Training rows when the trial ran on a sample; null for all rows.</param>
/// <param name="Parameters">The parameters on one line (<see cref="ParameterSummary"/>).</param>
/// <param name="Error">Why it failed or was cancelled; null for a ranked row.</param>
public sealed record LeaderboardRow(
    int? Rank,
    int Trial,
    string? Learner,
    TrialStatus Status,
    double? Score,
    double FoldMean,
    double FoldStd,
    double Seconds,
    int? SampleSize,
    string Parameters,
    string? Error);
