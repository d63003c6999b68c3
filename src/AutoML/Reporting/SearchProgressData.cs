namespace Pipelines.AutoML.Reporting;

/// <summary>How the search went over time: the best score so far as a step line, and every finished trial as a dot.</summary>
/// <param name="Metric">The metric's name.</param>
/// <param name="BestScore">The best score so far, each time it improved, in time order.</param>
/// <param name="Trials">Every finished trial (non-finite scores are left out of the chart).</param>
public sealed record SearchProgressData(string Metric, IReadOnlyList<BestScorePoint> BestScore, IReadOnlyList<TrialPoint> Trials);

/// <summary>The best score reached after <paramref name="ElapsedSeconds"/> seconds of search.</summary>
public sealed record BestScorePoint(double ElapsedSeconds, double Score);

/// <summary>One trial's score, when it finished, and its learner.</summary>
public sealed record TrialPoint(double ElapsedSeconds, double Score, string Learner);
