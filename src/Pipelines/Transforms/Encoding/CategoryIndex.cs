using Pipelines.Data;

namespace Pipelines.Transforms.Encoding;

/// <summary>
/// Matches categories by name. A frame seen at Transform time may code its categories differently from the
/// training frame (another order, extra or absent values), so fitted encoders never trust codes.
/// </summary>
internal static class CategoryIndex
{
    /// <summary>Code of each name in <paramref name="categories"/>; duplicate names are an error in fitted state.</summary>
    public static Dictionary<string, int> Build(string step, string column, IReadOnlyList<string> categories)
    {
        var index = new Dictionary<string, int>(categories.Count, StringComparer.Ordinal);
        for (var i = 0; i < categories.Count; i++)
        {
            if (!index.TryAdd(categories[i], i))
                throw new ArgumentException($"{step}: column '{column}' lists category '{categories[i]}' twice; fitted categories must be distinct.");
        }
        return index;
    }

    /// <summary>
    /// For each code of <paramref name="column"/>'s own dictionary, the learned index of the same name,
    /// or -1 when the name was not learned (an unseen category).
    /// </summary>
    public static int[] MapCodes(CategoricalColumn column, IReadOnlyDictionary<string, int> learned)
    {
        var map = new int[column.Categories.Count];
        for (var i = 0; i < map.Length; i++) map[i] = learned.TryGetValue(column.Categories[i], out var j) ? j : -1;
        return map;
    }

    /// <summary>Categories that occur at least once in <paramref name="column"/>, with their row counts (dictionary entries with no rows are left out).</summary>
    public static List<(string Name, int Count)> Present(CategoricalColumn column)
    {
        var counts = column.CountPerCategory();
        var present = new List<(string, int)>();
        for (var i = 0; i < counts.Length; i++) if (counts[i] > 0) present.Add((column.Categories[i], counts[i]));
        return present;
    }
}
