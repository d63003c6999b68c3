using System.Globalization;
using System.Text;

namespace Pipelines.Bench.Gan;

/// <summary>
/// The gan-suite bench's tables from its outcomes: per set the mean over splits of each metric for every variant (best
/// in bold), then per variant its wins/ties/losses and mean difference on macro-F1 against no rebalancing and against
/// SMOTE(-NC) full (random over-sampling on a set without numeric features), paired by set, then the seconds the GAN variants spent resampling, then the failures. A set is
/// compared on the splits that every variant with outcomes for it has; a failed split makes the set's mean "fail",
/// which loses every comparison (as in the automl-suite's report). Variants and sets keep the order they first appear in.
/// </summary>
internal static class GanSuiteReport
{
    private static readonly string[] Baselines = [GanSuiteVariant.None, GanSuiteVariant.SmoteFull];

    public static string Render(IReadOnlyList<GanSuiteOutcome> outcomes)
    {
        // The latest outcome per set, split and variant: a rerun line replaces an earlier one.
        var latest = outcomes.GroupBy(o => (o.Set, o.Split, o.Variant)).Select(g => g.MaxBy(o => o.FinishedAt)!).ToList();
        var variants = latest.Select(o => o.Variant).Distinct().ToArray();
        var sets = latest.Select(o => o.Set).Distinct().ToArray();
        var cells = new Dictionary<(string Set, string Variant), GanSuiteOutcome[]>();
        var splits = new Dictionary<string, int>();
        foreach (var set in sets)
        {
            var common = variants.Select(v => latest.Where(o => o.Set == set && o.Variant == v).Select(o => o.Split).ToHashSet())
                .Where(s => s.Count > 0).Aggregate((a, b) => { a.IntersectWith(b); return a; });
            splits[set] = common.Count;
            foreach (var variant in variants)
                cells[(set, variant)] = [.. latest.Where(o => o.Set == set && o.Variant == variant && common.Contains(o.Split)).OrderBy(o => o.Split)];
        }

        bool Has(string set, string variant) => cells[(set, variant)].Length > 0;

        // NaN when a split failed (or the metric does not apply, as ROC AUC on several classes).
        double Mean(string set, string variant, string metric)
        {
            var o = cells[(set, variant)];
            return o.Length == 0 || o.Any(x => x.Failed || !x.Metrics.ContainsKey(metric)) ? double.NaN : o.Average(x => x.Metrics[metric]);
        }

        double Comparable(string set, string variant) => Mean(set, variant, GanSuiteOutcome.MacroF1) is var m && double.IsNaN(m) ? double.NegativeInfinity : m;

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## gan-suite: {sets.Length} sets, variants {string.Join(", ", variants)}");
        text.AppendLine();
        foreach (var metric in new[] { GanSuiteOutcome.MacroF1, GanSuiteOutcome.BalancedAccuracy, GanSuiteOutcome.RocAuc })
        {
            var shown = sets.Where(s => variants.Any(v => Has(s, v) && cells[(s, v)].Any(o => o.Metrics.ContainsKey(metric)))).ToArray();
            if (shown.Length == 0) continue;
            text.AppendLine(CultureInfo.InvariantCulture, $"### {metric} (test, mean over splits; best in bold{(metric == GanSuiteOutcome.RocAuc ? "; binary sets" : "")})");
            text.AppendLine();
            text.AppendLine($"| set | splits | {string.Join(" | ", variants)} |");
            text.AppendLine($"| --- | ---: |{string.Concat(variants.Select(_ => " ---: |"))}");
            foreach (var set in shown)
            {
                var best = variants.Where(v => Has(set, v)).Select(v => Mean(set, v, metric)).Where(m => !double.IsNaN(m)).DefaultIfEmpty(double.NaN).Max();
                var row = variants.Select(v => !Has(set, v) ? "-" : Mean(set, v, metric) is var m && m == best ? $"**{F(m)}**" : F(m));
                text.AppendLine(CultureInfo.InvariantCulture, $"| {set} | {splits[set]} | {string.Join(" | ", row)} |");
            }
            text.AppendLine();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"### {GanSuiteOutcome.MacroF1} by variant, paired by set (W/T/L: sets where the variant's mean is above / equal to / below the baseline's; mean Δ over the sets where neither failed)");
        text.AppendLine();
        text.AppendLine($"| variant | sets |{string.Concat(Baselines.Select(b => $" W/T/L vs {b} | mean Δ vs {b} |"))} failed splits |");
        text.AppendLine($"| --- | ---: |{string.Concat(Baselines.Select(_ => " --- | ---: |"))} ---: |");
        foreach (var variant in variants)
        {
            var own = sets.Where(s => Has(s, variant)).ToArray();
            var versus = Baselines.Select(baseline =>
            {
                if (baseline == variant || !variants.Contains(baseline)) return " - | - |";
                var paired = own.Where(s => Has(s, baseline)).ToArray();
                var (a, b) = (paired.Select(s => Comparable(s, variant)).ToArray(), paired.Select(s => Comparable(s, baseline)).ToArray());
                var record = $"{a.Zip(b).Count(p => p.First > p.Second)}/{a.Zip(b).Count(p => p.First == p.Second)}/{a.Zip(b).Count(p => p.First < p.Second)}";
                var deltas = a.Zip(b).Where(p => !double.IsInfinity(p.First) && !double.IsInfinity(p.Second)).Select(p => p.First - p.Second).ToArray();
                return $" {record} | {(deltas.Length == 0 ? "-" : deltas.Average().ToString("+0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture))} |";
            });
            var failed = latest.Count(o => o.Variant == variant && o.Failed);
            text.AppendLine(CultureInfo.InvariantCulture, $"| {variant} | {own.Length} |{string.Concat(versus)} {failed} |");
        }
        text.AppendLine();

        var gans = variants.Where(v => v.StartsWith("ctgan", StringComparison.Ordinal)).ToArray();
        if (gans.Length > 0)
        {
            text.AppendLine("### GAN seconds (resampling: GAN training and sampling, mean over splits; the partial variant samples the full variant's GAN, so its seconds are sampling only when both ran in one process), and the GBDT fit without rebalancing");
            text.AppendLine();
            text.AppendLine($"| set | train rows | {string.Join(" | ", gans)} | gbdt fit s (none) |");
            text.AppendLine($"| --- | ---: |{string.Concat(gans.Select(_ => " ---: |"))} ---: |");
            foreach (var set in sets)
            {
                string Seconds(string variant, Func<GanSuiteOutcome, double> of) =>
                    Has(set, variant) ? cells[(set, variant)].Average(of).ToString("F1", CultureInfo.InvariantCulture) : "-";
                var rows = cells.TryGetValue((set, GanSuiteVariant.None), out var none) && none.Length > 0 ? none[0].TrainRows.ToString(CultureInfo.InvariantCulture) : "-";
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {set} | {rows} | {string.Join(" | ", gans.Select(v => Seconds(v, o => o.ResampleSeconds)))} | {Seconds(GanSuiteVariant.None, o => o.FitSeconds)} |");
            }
            text.AppendLine();
        }

        var failures = latest.Where(o => o.Failed).ToArray();
        if (failures.Length > 0)
        {
            text.AppendLine("### failures");
            text.AppendLine();
            foreach (var o in failures) text.AppendLine(CultureInfo.InvariantCulture, $"- {o.Set} split {o.Split}, {o.Variant}: {o.Error}");
            text.AppendLine();
        }
        return text.ToString();
    }

    private static string F(double value) => double.IsNaN(value) ? "fail" : value.ToString("F4", CultureInfo.InvariantCulture);
}
