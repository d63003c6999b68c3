namespace Pipelines.AutoML.Reporting.Sections;

/// <summary>The best trials, ranked, with learner, score, time and parameters.</summary>
internal static class LeaderboardSection
{
    public static void Write(HtmlWriter html, LeaderboardData board)
    {
        var rows = board.Rows.OrderBy(r => r.Rank).Take(HtmlReport.LeaderboardRows).ToList();
        var direction = board.HigherIsBetter ? "higher is better" : "lower is better";
        html.Paragraph(rows.Count == board.Rows.Count
            ? $"{Format.Count(board.Rows.Count)} trials ranked by validation {board.Metric} ({direction})."
            : $"The best {rows.Count} of {Format.Count(board.Rows.Count)} trials by validation {board.Metric} ({direction}).", "lead");
        if (rows.Count == 0)
        {
            html.Paragraph("No trial finished.", "note");
            return;
        }
        var best = rows[0].Rank;
        html.Table(
            [Cell.Number("Rank"), Cell.Number("Trial"), "Learner", Cell.Number(board.Metric), Cell.Number("Time"), "Parameters"],
            rows.Select(r => (IReadOnlyList<Cell>)
            [
                Cell.Number(Format.Count(r.Rank)),
                Cell.Number(Format.Count(r.Trial)),
                r.Learner,
                Cell.Number(Format.Score(r.Score)),
                Cell.Number(Format.Seconds(r.Seconds)),
                new Cell(r.Parameters, Class: "params"),
            ]),
            "leaderboard",
            i => rows[i].Rank == best ? "best" : null);
    }
}
