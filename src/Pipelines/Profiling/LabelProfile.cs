namespace Pipelines.Profiling;

/// <summary>
/// Class balance of a categorical label: rows per class in code order (missing labels not counted), and
/// <see cref="ImbalanceRatio"/> = largest class count / smallest non-zero class count (1 for a single class).
/// </summary>
public sealed record LabelProfile(string Name, IReadOnlyList<CategoryCount> ClassCounts, double ImbalanceRatio)
{
    /// <summary>
    /// Groups of classes with rows whose names differ only in letter case or surrounding spaces ('Yes', 'yes '):
    /// usually one class written two ways, which every model learns as two. Empty when there are none.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> SpellingVariants { get; init; } = [];

    /// <summary>The groups of <see cref="SpellingVariants"/> found among <paramref name="classes"/>, in class order.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> FindSpellingVariants(IEnumerable<CategoryCount> classes) =>
        [.. classes.Where(c => c.Count > 0)
            .GroupBy(c => c.Category.Trim().ToUpperInvariant(), StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => (IReadOnlyList<string>)[.. g.Select(c => c.Category)])];

    /// <summary>One sentence on <see cref="SpellingVariants"/> and what to do; null when there are none.</summary>
    public string? DescribeSpellingVariants()
    {
        if (SpellingVariants.Count == 0) return null;
        var groups = string.Join("; ", SpellingVariants.Select(g => string.Join(" and ", g.Select(c => $"'{c}'"))));
        return $"the label has classes whose names differ only in letter case or spaces ({groups}), so they are learnt as " +
            "different classes; where such names mean one class, write it one way in the file";
    }
}
