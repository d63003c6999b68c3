namespace Pipelines.AutoML.Reporting.Sections;

/// <summary>Key figures at a glance, from whichever sections are present.</summary>
internal static class SummarySection
{
    public static bool IsPresent(ReportData data) => Tiles(data).Any();

    public static void Write(HtmlWriter html, ReportData data) => html.Tiles(Tiles(data));

    private static IEnumerable<(string Label, string Value)> Tiles(ReportData data)
    {
        if (data.Profile is { } profile)
        {
            yield return ("Rows", Format.Count(profile.RowCount));
            yield return ("Columns", Format.Count(profile.Columns.Count));
        }
        var trials = data.Progress?.Trials.Count ?? data.Leaderboard?.Rows.Count;
        if (trials is { } count) yield return ("Trials", Format.Count(count));
        if (data.Leaderboard is { Rows.Count: > 0 } board)
        {
            var best = board.Rows.MinBy(r => r.Rank)!;
            yield return ($"Best validation {board.Metric}", Format.Score(best.Score));
            yield return ("Best learner", best.Learner);
        }
        if (data.TestMetrics is { Models.Count: > 0 } metrics && metrics.Models[0].Metrics.Count > 0)
        {
            var first = metrics.Models[0].Metrics[0];
            yield return ($"Test {first.Metric}", Format.Score(first.Value));
        }
        if (data.Header.Elapsed is { } elapsed) yield return ("Run time", Format.Seconds(elapsed.TotalSeconds));
    }
}
