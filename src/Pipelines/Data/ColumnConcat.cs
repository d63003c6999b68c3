using Pipelines.Errors;

namespace Pipelines.Data;

/// <summary>Concatenation of two columns of the same name and kind, used to append rows.</summary>
internal static class ColumnConcat
{
    public static Column Concat(Column first, Column second)
    {
        if (first.Kind != second.Kind)
            throw new SchemaException($"Cannot append rows: column '{first.Name}' is {first.Kind} in one frame and {second.Kind} in the other.");
        return (first, second) switch
        {
            (NumericColumn a, NumericColumn b) => new NumericColumn(a.Name, [.. a.Values, .. b.Values]),
            (TextColumn a, TextColumn b) => new TextColumn(a.Name, [.. a.Values, .. b.Values]),
            (CategoricalColumn a, CategoricalColumn b) => Concat(a, b),
            _ => throw new SchemaException($"Cannot append rows of column '{first.Name}' ({first.Kind})."),
        };
    }

    private static CategoricalColumn Concat(CategoricalColumn a, CategoricalColumn b)
    {
        var categories = a.Categories.ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < categories.Count; i++) index[categories[i]] = i;
        var map = new int[b.Categories.Count];
        for (var i = 0; i < map.Length; i++)
        {
            var name = b.Categories[i];
            if (!index.TryGetValue(name, out var code))
            {
                code = categories.Count;
                index.Add(name, code);
                categories.Add(name);
            }
            map[i] = code;
        }
        var codes = new int[a.Length + b.Length];
        a.Codes.CopyTo(codes);
        var tail = codes.AsSpan(a.Length);
        var source = b.Codes;
        for (var i = 0; i < source.Length; i++) tail[i] = source[i] == CategoricalColumn.Missing ? CategoricalColumn.Missing : map[source[i]];
        return new CategoricalColumn(a.Name, codes, [.. categories]);
    }
}
