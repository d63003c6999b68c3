using Microsoft.ML;
using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.MLNet;

/// <summary>
/// Reads any IDataView (mlContext.Data.LoadFromTextFile, LoadFromEnumerable, a Microsoft.Data.Analysis DataFrame, a
/// transformed view) into the project's <see cref="DataFrame"/>, so the transforms, learners and AutoML run on it.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term>Single, Double, SByte … UInt64</term><description>numeric (float; NaN stays missing; integers past 2^24 lose precision).</description></item>
/// <item><term>Boolean</term><description>numeric 0/1.</description></item>
/// <item><term>Text</term><description>categorical or text (see <see cref="DataViewImportOptions.ColumnKinds"/>); empty text is missing.</description></item>
/// <item><term>Key</term><description>categorical, named by the KeyValues annotation when present, else by the key number; key 0 is missing.</description></item>
/// <item><term>known-size vector of those</term><description>one frame column per slot, named "Name.Slot" from the slot names
/// where the slot has a distinct non-empty name, else "Name[i]" (0-based).</description></item>
/// </list>
/// <para>Hidden columns are skipped. Anything else (variable-size vectors, dates, images) is a <see cref="SchemaException"/>
/// naming the column and its ML.NET type.</para>
/// </remarks>
public static class DataViewImport
{
    /// <summary>Reads <paramref name="data"/> with <paramref name="label"/> as the label column.</summary>
    public static DataFrame ToFrame(this IDataView data, string label)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        return ToFrame(data, new DataViewImportOptions { Label = label });
    }

    /// <summary>Reads every row of <paramref name="data"/> (one pass over one cursor) into a frame.</summary>
    public static DataFrame ToFrame(this IDataView data, DataViewImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new DataViewImportOptions();
        var visible = data.Schema.Where(c => !c.IsHidden).ToList();
        var names = visible.Select(c => c.Name).ToList();
        foreach (var name in (options.Columns ?? []).Append(options.Label).Append(options.Weight).OfType<string>())
        {
            if (!names.Contains(name, StringComparer.Ordinal)) ThrowHelper.MissingColumn(nameof(DataViewImport), name, names);
        }
        if (options.ColumnKinds is { } kinds)
        {
            foreach (var name in kinds.Keys.Where(n => !names.Contains(n, StringComparer.Ordinal))) ThrowHelper.MissingColumn(nameof(DataViewImport), name, names);
        }
        var keep = options.Columns is null ? null : new HashSet<string>(options.Columns, StringComparer.Ordinal);
        var selected = visible.Where(c => keep is null || keep.Contains(c.Name) || c.Name == options.Label || c.Name == options.Weight).ToList();
        if (options.Label is { } label && selected.Single(c => c.Name == label).Type is Microsoft.ML.Data.VectorDataViewType)
            throw new SchemaException($"IDataView column '{label}' is a vector ({data.Schema[label].Type}); the label must be a single value per row. Pick a scalar label column.");

        var importers = selected
            .Select(c => ImporterFactory.For(c, options.ColumnKinds?.TryGetValue(c.Name, out var k) == true ? k : null, c.Name == options.Label))
            .ToList();
        var rows = 0;
        using (var cursor = data.GetRowCursor(selected))
        {
            foreach (var importer in importers) importer.Bind(cursor);
            while (cursor.MoveNext())
            {
                foreach (var importer in importers) importer.ReadRow();
                rows++;
            }
        }
        var columns = importers.SelectMany(i => i.Build(rows)).ToList();
        var duplicate = columns.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new SchemaException($"Two IDataView columns both give a frame column named '{duplicate.Key}' (a vector slot is named after its column and slot). Rename one (mlContext.Transforms.CopyColumns) or leave one out with DataViewImportOptions.Columns.");
        return new DataFrame(columns, options.Label, options.Weight);
    }
}
