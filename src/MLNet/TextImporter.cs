using Microsoft.ML;
using Pipelines.Data;
using Pipelines.IO;

namespace Pipelines.MLNet;

/// <summary>
/// Reads a text column (or vector) into categorical or text frame columns; empty text is missing. Without a declared kind
/// a slot is categorical when its distinct values fit the CSV reader's category limit for the row count.
/// </summary>
internal sealed class TextImporter(DataViewSchema.Column source, IReadOnlyList<string> names, ColumnKind? kind)
    : ColumnImporter<ReadOnlyMemory<char>>(source, names)
{
    private readonly List<string?>[] _values = [.. names.Select(_ => new List<string?>())];
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);

    protected override void Append(int slot, ReadOnlyMemory<char> value) => _values[slot].Add(value.IsEmpty ? null : Intern(value));

    public override IEnumerable<Column> Build(int rows)
    {
        for (var slot = 0; slot < Names.Count; slot++)
        {
            var values = _values[slot];
            var categorical = kind switch
            {
                ColumnKind.Categorical => true,
                ColumnKind.Text => false,
                _ => values.Where(v => v is not null).Distinct(StringComparer.Ordinal).Count() <= TypeInference.CategoryLimit(rows, CsvOptions.Default),
            };
            yield return categorical ? CategoricalColumn.FromValues(Names[slot], values) : new TextColumn(Names[slot], [.. values]);
        }
    }

    /// <summary>One string per distinct value: categories repeat, so rows share their strings.</summary>
    private string Intern(ReadOnlyMemory<char> value)
    {
        var lookup = _pool.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(value.Span, out var known)) return known;
        var text = value.ToString();
        _pool.Add(text, text);
        return text;
    }
}
