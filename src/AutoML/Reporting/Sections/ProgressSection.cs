using Pipelines.AutoML.Reporting.Svg;

namespace Pipelines.AutoML.Reporting.Sections;

/// <summary>Best score so far as a step line over every trial's score, coloured by learner.</summary>
internal static class ProgressSection
{
    public static void Write(HtmlWriter html, SearchProgressData progress)
    {
        var finite = progress.Trials.Where(t => double.IsFinite(t.Score) && double.IsFinite(t.ElapsedSeconds)).ToList();
        var best = progress.BestScore.Where(b => double.IsFinite(b.Score) && double.IsFinite(b.ElapsedSeconds)).OrderBy(b => b.ElapsedSeconds).ToList();
        var failed = progress.Trials.Count - finite.Count;
        var lead = $"{Format.Count(progress.Trials.Count)} trials";
        if (failed > 0) lead += $" ({Format.Count(failed)} without a score)";
        if (best.Count > 0) lead += $"; the best {progress.Metric}, {Format.Score(best[^1].Score)}, was reached after {Format.Seconds(best[^1].ElapsedSeconds)}";
        html.Paragraph(lead + ".", "lead");
        if (finite.Count == 0 && best.Count == 0)
        {
            html.Paragraph("No trial finished with a score.", "note");
            return;
        }
        var learners = finite.Select(t => t.Learner).Distinct(StringComparer.Ordinal).ToList();
        var series = learners.Select((learner, i) =>
        {
            var mine = finite.Where(t => t.Learner == learner).ToList();
            return new XySeries(learner, [.. mine.Select(t => (t.ElapsedSeconds, t.Score))], SeriesKind.Dots, Palette.Series(i + 1))
            {
                Tooltips = [.. mine.Select(t => $"{t.Learner}: {Format.Score(t.Score)} after {Format.Seconds(t.ElapsedSeconds)}")],
            };
        }).ToList();
        if (best.Count > 0)
        {
            // Hold the last best score until the last trial, so the line spans the whole search.
            var end = Math.Max(best[^1].ElapsedSeconds, finite.Count == 0 ? 0 : finite.Max(t => t.ElapsedSeconds));
            var line = best.Select(b => (b.ElapsedSeconds, b.Score)).Append((end, best[^1].Score)).ToList();
            series.Add(new XySeries($"best {progress.Metric} so far", line, SeriesKind.Step, Palette.Series(0)));
        }
        var chart = XyChart.Render(new XyChartSpec("best-score", $"Best {progress.Metric} over time", "seconds since the search started",
            progress.Metric, series) { Width = 980, Height = 400 });
        html.Figure(chart, $"Each dot is a trial's validation {progress.Metric}, coloured by learner; the line is the best so far.");
    }
}
