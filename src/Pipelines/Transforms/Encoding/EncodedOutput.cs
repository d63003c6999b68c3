using Pipelines.Data;

namespace Pipelines.Transforms.Encoding;

/// <summary>
/// Puts an encoder's numeric outputs where its source columns were, so column order stays stable
/// (a source column's outputs take its place; every other column keeps its position and role).
/// </summary>
internal static class EncodedOutput
{
    /// <summary>The schema with each source column replaced by its output columns, all numeric features.</summary>
    public static DataSchema Replace(DataSchema input, IReadOnlyList<string> sources, Func<int, IEnumerable<string>> outputs, bool isExact = true)
    {
        var position = Positions(sources);
        var columns = new List<ColumnSchema>(input.Count);
        foreach (var column in input.Columns)
        {
            if (position.TryGetValue(column.Name, out var i)) columns.AddRange(outputs(i).Select(n => new ColumnSchema(n, ColumnKind.Numeric)));
            else columns.Add(column);
        }
        return new DataSchema(columns, isExact);
    }

    /// <summary>The schema with the source columns left out: what is certain before the outputs are known.</summary>
    public static DataSchema WithoutSources(DataSchema input, IReadOnlyList<string> sources)
    {
        var drop = new HashSet<string>(sources, StringComparer.Ordinal);
        return new DataSchema(input.Columns.Where(c => !drop.Contains(c.Name)), isExact: false);
    }

    /// <summary>The frame with each source column replaced by <paramref name="outputs"/>(its index).</summary>
    public static DataFrame Replace(DataFrame input, IReadOnlyList<string> sources, Func<int, IEnumerable<Column>> outputs)
    {
        var position = Positions(sources);
        var columns = new List<Column>(input.ColumnCount);
        foreach (var column in input.Columns)
        {
            if (position.TryGetValue(column.Name, out var i)) columns.AddRange(outputs(i));
            else columns.Add(column);
        }
        return input.WithColumns(columns);
    }

    private static Dictionary<string, int> Positions(IReadOnlyList<string> sources)
    {
        var position = new Dictionary<string, int>(sources.Count, StringComparer.Ordinal);
        for (var i = 0; i < sources.Count; i++) position[sources[i]] = i;
        return position;
    }
}
