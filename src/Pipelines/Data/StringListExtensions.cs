namespace Pipelines.Data;

/// <summary>Lookups on read-only lists of names (class names, categories), which have no IndexOf of their own.</summary>
public static class StringListExtensions
{
    /// <summary>The position of <paramref name="value"/> in <paramref name="list"/> by ordinal comparison, or -1.</summary>
    public static int OrdinalIndexOf(this IReadOnlyList<string> list, string value)
    {
        ArgumentNullException.ThrowIfNull(list);
        for (var i = 0; i < list.Count; i++) if (string.Equals(list[i], value, StringComparison.Ordinal)) return i;
        return -1;
    }
}
