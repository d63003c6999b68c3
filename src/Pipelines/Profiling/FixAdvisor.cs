using Pipelines.Data;

namespace Pipelines.Profiling;

/// <summary>
/// Turns a profile into suggested fixes. Only feature columns get column fixes (the label and weight are never
/// imputed, encoded or dropped). One fix per (issue, step), listing every column it concerns, in column order.
/// </summary>
internal static class FixAdvisor
{
    public static IReadOnlyList<SuggestedFix> Suggest(
        IReadOnlyList<ColumnProfile> columns, int duplicateRows, LabelProfile? label, ProfileOptions options)
    {
        var features = columns.Where(c => c.Role == ColumnRole.Feature).ToList();
        var fixes = new List<SuggestedFix>();
        void Add(string issue, string step, IEnumerable<ColumnProfile> which)
        {
            var names = which.Select(c => c.Name).ToArray();
            if (names.Length > 0) fixes.Add(new SuggestedFix(issue, names, step));
        }

        if (duplicateRows > 0) fixes.Add(new SuggestedFix($"{duplicateRows} duplicate row(s)", [], FixSteps.DropDuplicateRows));
        // Constant and all-missing columns carry no information; dropping them comes before any other fix.
        Add("constant or all-missing columns", FixSteps.DropConstantColumns, features.Where(c => c.IsConstant));
        var useful = features.Where(c => !c.IsConstant).ToList();
        // Free text is left to a text featurizer, which treats missing as empty.
        Add("missing values", FixSteps.ImputeMissing, useful.Where(c => c.MissingFraction > 0 && c.Kind != ColumnKind.Text));
        // A strongly skewed non-negative column is better log-transformed than clipped: its long tail is real, not noise.
        var skewed = useful.Where(c => c.Numeric is { } n && n.Min >= 0 && n.Skewness > options.SkewnessThreshold).ToList();
        Add("strongly right-skewed non-negative values", FixSteps.Log1pTransform, skewed);
        Add("values outside the IQR fences", FixSteps.ClipOutliers,
            useful.Where(c => c.Numeric is { OutlierCount: > 0 } && !skewed.Contains(c)));
        var categorical = useful.Where(c => c.Kind == ColumnKind.Categorical).ToList();
        Add("low-cardinality categorical", FixSteps.OneHotEncode, categorical.Where(c => c.DistinctCount <= options.MaxOneHotCategories));
        Add("high-cardinality categorical", FixSteps.TargetEncode, categorical.Where(c => c.DistinctCount > options.MaxOneHotCategories));
        if (label is not null && label.ImbalanceRatio > options.ImbalanceThreshold)
        {
            fixes.Add(new SuggestedFix(
                $"imbalanced classes (majority/minority = {label.ImbalanceRatio.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)})",
                [label.Name], FixSteps.Rebalance));
        }
        return fixes;
    }
}
