namespace Pipelines.AutoML.Reporting;

/// <summary>The trials ranked by their validation score; the report shows the first <see cref="HtmlReport.LeaderboardRows"/>.</summary>
/// <param name="Metric">The metric's name (e.g. "MacroF1").</param>
/// <param name="HigherIsBetter">Whether a larger score is better (false for losses such as log loss or RMSE).</param>
/// <param name="Rows">One row per trial; shown in <see cref="LeaderboardDataRow.Rank"/> order.</param>
public sealed record LeaderboardData(string Metric, bool HigherIsBetter, IReadOnlyList<LeaderboardDataRow> Rows);

/// <summary>One trial of the leaderboard.</summary>
/// <param name="Rank">1 for the best trial.</param>
/// <param name="Trial">The trial's id.</param>
/// <param name="Learner">The learner's name.</param>
/// <param name="Score">The validation score in the metric's units (NaN when undefined).</param>
/// <param name="Seconds">Wall-clock seconds the trial took.</param>
/// <param name="Parameters">The hyperparameters in one line (e.g. "rounds=200, leaves=31, lr=0.05").</param>
public sealed record LeaderboardDataRow(int Rank, int Trial, string Learner, double Score, double Seconds, string Parameters);
