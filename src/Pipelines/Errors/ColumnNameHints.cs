namespace Pipelines.Errors;

/// <summary>What an error about a column name that is not there tells a user: the names there are, and the one meant.</summary>
public static class ColumnNameHints
{
    /// <summary>Names an error lists at most.</summary>
    private const int Listed = 20;

    /// <summary>The names, quoted: <c>'a', 'b', ... (57 in all)</c> past twenty.</summary>
    public static string List(IReadOnlyCollection<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return string.Join(", ", names.Take(Listed).Select(n => $"'{n}'")) + (names.Count > Listed ? $", ... ({names.Count} in all)" : "");
    }

    /// <summary>The name that differs from <paramref name="name"/> only in case or surrounding spaces, almost surely the one meant; null if none.</summary>
    public static string? Nearest(IEnumerable<string> names, string name)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(name);
        return names.FirstOrDefault(n => string.Equals(n.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
