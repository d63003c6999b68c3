using System.Globalization;
using Pipelines.AutoML.Store;
using Pipelines.Evaluation;
using Spectre.Console;

namespace Pipelines.Cli.Output;

/// <summary>Prints the top of a leaderboard as a table, with the counts of trials that did not rank.</summary>
internal static class LeaderboardView
{
    public static void Write(Terminal terminal, Leaderboard board, Metric metric, int top)
    {
        var table = new Table().Border(terminal.Border).AddColumns("rank", "trial", "learner", metric.ToString(), "folds (mean ± std)", "seconds", "parameters");
        foreach (var row in board.Top(top))
        {
            table.AddRow(
                row.Rank?.ToString(CultureInfo.InvariantCulture) ?? "",
                row.Trial.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(row.Learner ?? ""),
                Format(row.Score),
                $"{Format(row.FoldMean)} ± {Format(row.FoldStd)}",
                row.Seconds.ToString("0.0", CultureInfo.InvariantCulture),
                Markup.Escape(row.Parameters));
        }
        terminal.Console.Write(table);
        terminal.Console.Profile.Out.Writer.WriteLine(
            $"{board.Ranked.Count} succeeded, {board.Failed} failed, {board.Cancelled} cancelled, {board.Running} running in study '{board.Study.Name}'.");
    }

    private static string Format(double? value) => value is double v && double.IsFinite(v) ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "-";
}
