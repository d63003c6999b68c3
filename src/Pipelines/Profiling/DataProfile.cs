using Pipelines.Data;
using Pipelines.Transforms.Cleaning;

namespace Pipelines.Profiling;

/// <summary>
/// What a data set holds and what to do about it: one <see cref="ColumnProfile"/> per column, the number of
/// exact duplicate rows, the class balance of a categorical label, and suggested fixes. Plain data; nothing is printed.
/// </summary>
public sealed record DataProfile(
    int RowCount,
    IReadOnlyList<ColumnProfile> Columns,
    int DuplicateRowCount,
    LabelProfile? Label,
    IReadOnlyList<SuggestedFix> Fixes)
{
    /// <summary>Features that alone decide the label almost exactly (often a leak; <see cref="DecisiveFeature"/>), best first.</summary>
    public IReadOnlyList<DecisiveFeature> DecisiveFeatures { get; init; } = [];

    /// <summary>One sentence on each of <see cref="DecisiveFeatures"/> and what to do about it.</summary>
    public IEnumerable<string> DescribeDecisiveFeatures() => DecisiveFeatures.Select(f =>
        $"'{f.Column}' alone decides the label on rows it was not fitted on ({(Label is null ? "R²" : "accuracy")} " +
        $"{f.Score.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)}): if its value is known only after the outcome, " +
        $"it leaks the answer and the model will fail on new rows; leave it out (--ignore {f.Column})");

    /// <summary>The profile of the column named <paramref name="name"/>.</summary>
    public ColumnProfile this[string name] =>
        Columns.FirstOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"The profile has no column '{name}'.");

    /// <summary>Profiles every column of <paramref name="data"/> and suggests fixes (see <see cref="ProfileOptions"/>).</summary>
    public static DataProfile Compute(DataFrame data, ProfileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= ProfileOptions.Default;
        if (options.TopCategories < 0) Errors.ThrowHelper.BadOption(nameof(DataProfile), nameof(options.TopCategories), options.TopCategories, "0 or more");
        if (options.IqrMultiplier < 0) Errors.ThrowHelper.BadOption(nameof(DataProfile), nameof(options.IqrMultiplier), options.IqrMultiplier, "0 or more");
        var columns = data.Columns.Select(c => ColumnProfiler.Profile(c, data.RoleOf(c.Name), options)).ToArray();
        var duplicates = RowEquality.Duplicates(data);
        var label = data.Label is CategoricalColumn l ? ProfileLabel(l) : null;
        return new DataProfile(data.RowCount, columns, duplicates, label, FixAdvisor.Suggest(columns, duplicates, label, options))
        {
            DecisiveFeatures = DecisiveFeatureScan.Find(data),
        };
    }

    private static LabelProfile ProfileLabel(CategoricalColumn label)
    {
        var counts = label.CountPerCategory();
        var present = counts.Where(c => c > 0).ToArray();
        var ratio = present.Length == 0 ? double.NaN : (double)present.Max() / present.Min();
        var classes = counts.Select((c, i) => new CategoryCount(label.Categories[i], c)).ToArray();
        return new LabelProfile(label.Name, classes, ratio) { SpellingVariants = LabelProfile.FindSpellingVariants(classes) };
    }
}
