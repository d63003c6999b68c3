using System.Globalization;
using System.Text;
using Pipelines.Data;

namespace Pipelines.Bench.Suite;

/// <summary>
/// The suite's tables from its outcomes: per set the mean over splits of each metric and of the fit seconds for every
/// tool, then per tool its mean rank, the sets where it is within one point of the best other tool, its
/// wins/ties/losses against each other tool and its worst gap to the best tool. A set is compared on the splits that
/// every tool with outcomes for it has (a tool without any is shown as "-" and left out of that set's comparisons), and
/// left out, named, where they share none; a failed split scores as the worst possible value.
/// Ours from an earlier build than the newest appears as its own tool, "ours@BUILD".
/// </summary>
internal static class SuiteReport
{
    /// <summary>One point of a metric in [0, 1] (R² included): the acceptance bar's margin.</summary>
    public const double Point = 0.01;

    public static string Render(IReadOnlyList<SuiteOutcome> outcomes, IReadOnlyList<string> toolOrder)
    {
        var labelled = Label(outcomes);
        var text = new StringBuilder();
        foreach (var classification in new[] { true, false })
        {
            var rows = labelled.Where(o => o.Outcome.IsClassification == classification).ToList();
            if (rows.Count == 0) continue;
            var tools = rows.Select(o => o.Tool).Distinct().OrderBy(t => Order(t, toolOrder)).ThenBy(t => t, StringComparer.Ordinal).ToArray();
            var sets = rows.Select(o => o.Outcome.Set).Distinct().Order(StringComparer.Ordinal).ToArray();
            var table = new Table(rows, tools, sets);
            text.AppendLine(CultureInfo.InvariantCulture, $"## {(classification ? "Classification" : "Regression")}: {table.Sets.Length} sets, tools {string.Join(", ", tools)}");
            text.AppendLine();
            if (table.Disjoint.Length > 0)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"Left out, no split common to every tool that ran them: {string.Join(", ", table.Disjoint)} (ours from an earlier build is a tool of its own).");
                text.AppendLine();
            }
            if (table.Sets.Length == 0) continue;
            var metrics = classification
                ? new[] { SuiteScores.MacroF1, SuiteScores.Accuracy, SuiteScores.RocAuc, SuiteScores.LogLoss }
                : [SuiteScores.R2, SuiteScores.Rmse, SuiteScores.Mae];
            foreach (var metric in metrics) text.Append(table.MetricTable(metric));
            text.Append(table.SecondsTable());
            text.Append(table.Summary(classification));
        }
        return text.ToString();
    }

    private static int Order(string tool, IReadOnlyList<string> order)
    {
        var name = tool.Split('@')[0];
        var index = order.OrdinalIndexOf(name);
        return (index < 0 ? order.Count : index) * 2 + (tool.Contains('@', StringComparison.Ordinal) ? 1 : 0);
    }

    /// <summary>Each outcome with the tool name it is shown under; only the latest outcome per tool, set and split is kept.</summary>
    private static List<(string Tool, SuiteOutcome Outcome)> Label(IReadOnlyList<SuiteOutcome> outcomes)
    {
        var newestOurs = outcomes.Where(o => o.Tool == OursContender.Tool).MaxBy(o => o.FinishedAt)?.Build;
        return [.. outcomes
            .Select(o => (Tool: o.Tool == OursContender.Tool && o.Build != newestOurs ? $"{o.Tool}@{o.Build}" : o.Tool, Outcome: o))
            .GroupBy(o => (o.Tool, o.Outcome.Set, o.Outcome.Split))
            .Select(g => g.MaxBy(o => o.Outcome.FinishedAt))];
    }

    private static string F(double value) => double.IsNaN(value) ? "fail" : value.ToString("F4", CultureInfo.InvariantCulture);

    private sealed class Table
    {
        private readonly string[] _tools;
        private readonly Dictionary<(string Tool, string Set), SuiteOutcome[]> _cells = [];
        private readonly Dictionary<string, int> _splits = [];

        public Table(List<(string Tool, SuiteOutcome Outcome)> rows, string[] tools, string[] sets)
        {
            _tools = tools;
            var compared = new List<string>();
            var disjoint = new List<string>();
            foreach (var set in sets)
            {
                // The splits every tool with outcomes for this set has.
                var common = tools.Select(t => rows.Where(r => r.Tool == t && r.Outcome.Set == set).Select(r => r.Outcome.Split).ToHashSet())
                    .Where(splits => splits.Count > 0).Aggregate((a, b) => { a.IntersectWith(b); return a; });
                (common.Count > 0 ? compared : disjoint).Add(set);
                _splits[set] = common.Count;
                foreach (var tool in tools)
                    _cells[(tool, set)] = [.. rows.Where(r => r.Tool == tool && r.Outcome.Set == set && common.Contains(r.Outcome.Split)).Select(r => r.Outcome).OrderBy(o => o.Split)];
            }
            Sets = [.. compared];
            Disjoint = [.. disjoint];
        }

        /// <summary>The sets compared: those with at least one split every tool that ran them has.</summary>
        public string[] Sets { get; }

        /// <summary>The sets left out because the tools that ran them share no split (files from runs on other seeds).</summary>
        public string[] Disjoint { get; }

        /// <summary>The mean of <paramref name="metric"/> over the set's common splits; NaN when a split failed or none is common.</summary>
        private double Mean(string tool, string set, string metric)
        {
            var outcomes = _cells[(tool, set)];
            if (outcomes.Length == 0 || outcomes.Any(o => o.Error is not null || !o.Metrics.ContainsKey(metric))) return double.NaN;
            return outcomes.Average(o => o.Metrics[metric]);
        }

        /// <summary>Whether <paramref name="tool"/> has outcomes for <paramref name="set"/>.</summary>
        private bool Has(string tool, string set) => _cells[(tool, set)].Length > 0;

        /// <summary>The tools with outcomes for <paramref name="set"/>.</summary>
        private string[] Present(string set) => [.. _tools.Where(t => Has(t, set))];

        /// <summary>Higher-is-better value for comparisons: NaN (failed) as the worst.</summary>
        private double Comparable(string tool, string set, string metric)
        {
            var value = Mean(tool, set, metric);
            if (double.IsNaN(value)) return double.NegativeInfinity;
            return SuiteScores.HigherIsBetter(metric) ? value : -value;
        }

        public string MetricTable(string metric)
        {
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"### {metric} (test, mean over splits{(SuiteScores.HigherIsBetter(metric) ? "" : "; lower is better")}; best in bold)");
            text.AppendLine();
            text.AppendLine($"| set | splits | {string.Join(" | ", _tools)} |");
            text.AppendLine($"| --- | ---: |{string.Concat(_tools.Select(_ => " ---: |"))}");
            foreach (var set in Sets)
            {
                var best = Present(set).Max(t => Comparable(t, set, metric));
                var cells = _tools.Select(t => !Has(t, set) ? "-"
                    : Comparable(t, set, metric) == best && !double.IsNegativeInfinity(best) ? $"**{F(Mean(t, set, metric))}**" : F(Mean(t, set, metric)));
                text.AppendLine(CultureInfo.InvariantCulture, $"| {set} | {_splits[set]} | {string.Join(" | ", cells)} |");
            }
            text.AppendLine();
            return text.ToString();
        }

        public string SecondsTable()
        {
            var text = new StringBuilder();
            text.AppendLine("### fit seconds (wall clock, mean over splits; ours and optuna include their search)");
            text.AppendLine();
            text.AppendLine($"| set | {string.Join(" | ", _tools)} |");
            text.AppendLine($"| --- |{string.Concat(_tools.Select(_ => " ---: |"))}");
            foreach (var set in Sets)
            {
                var cells = _tools.Select(t => _cells[(t, set)] is { Length: > 0 } o ? o.Average(x => x.FitSeconds).ToString("F1", CultureInfo.InvariantCulture) : "-");
                text.AppendLine(CultureInfo.InvariantCulture, $"| {set} | {string.Join(" | ", cells)} |");
            }
            text.AppendLine();
            return text.ToString();
        }

        public string Summary(bool classification)
        {
            var primary = SuiteScores.Primary(classification);
            var ranking = SuiteScores.Ranking(classification);
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"### Summary on {primary}{(ranking == primary ? "" : $" (and {ranking} for the 1-point bar)")}, {Sets.Length} sets");
            text.AppendLine();
            text.AppendLine("Mean rank: by the set's mean over splits (1 = best, ties share the mean rank). Within 1 point: sets where the tool is at most");
            text.AppendLine($"{Point:0.00} below the best other tool on {primary}{(ranking == primary ? "" : $" and on {ranking}")}. W/T/L: sets where the row's tool is above / equal to / below the column's tool on {primary}.");
            text.AppendLine("Worst gap: the largest amount by which the tool is below the best tool of a set, and that set.");
            text.AppendLine();
            text.AppendLine($"| tool | mean rank | within 1 point | worst gap | {string.Join(" | ", _tools.Select(t => $"W/T/L vs {t}"))} |");
            text.AppendLine($"| --- | ---: | ---: | --- |{string.Concat(_tools.Select(_ => " --- |"))}");
            var ranks = _tools.ToDictionary(t => t, _ => 0.0);
            foreach (var set in Sets)
            {
                var present = Present(set);
                foreach (var tool in present)
                {
                    var value = Comparable(tool, set, primary);
                    ranks[tool] += 1 + present.Count(o => Comparable(o, set, primary) > value) + 0.5 * (present.Count(o => Comparable(o, set, primary) == value) - 1);
                }
            }
            foreach (var tool in _tools)
            {
                var sets = Sets.Where(set => Has(tool, set)).ToArray();
                if (sets.Length == 0) continue;
                var within = sets.Count(set => Within(tool, set, primary) && Within(tool, set, ranking));
                var gaps = sets.Select(set => (Set: set, Gap: Present(set).Max(o => Comparable(o, set, primary)) - Comparable(tool, set, primary))).MaxBy(g => g.Gap);
                var versus = _tools.Select(other => other == tool ? "-" : Record(tool, other, primary));
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {tool} | {ranks[tool] / sets.Length:F2} | {within} of {sets.Length} | {(double.IsInfinity(gaps.Gap) ? "fail" : gaps.Gap.ToString("F4", CultureInfo.InvariantCulture))} ({gaps.Set}) | {string.Join(" | ", versus)} |");
            }
            text.AppendLine();
            return text.ToString();
        }

        private bool Within(string tool, string set, string metric)
        {
            var others = Present(set).Where(o => o.Split('@')[0] != tool.Split('@')[0]).ToArray();
            if (others.Length == 0) return true;
            return Comparable(tool, set, metric) >= others.Max(o => Comparable(o, set, metric)) - Point - 1e-12;
        }

        private string Record(string tool, string other, string metric)
        {
            int wins = 0, ties = 0, losses = 0;
            foreach (var set in Sets.Where(set => Has(tool, set) && Has(other, set)))
            {
                var (a, b) = (Comparable(tool, set, metric), Comparable(other, set, metric));
                if (a > b) wins++;
                else if (a == b) ties++;
                else losses++;
            }
            return $"{wins}/{ties}/{losses}";
        }
    }
}
