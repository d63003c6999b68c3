using Pipelines.Core;
using Pipelines.Data;

namespace Pipelines.Transforms.Encoding;

/// <summary>
/// Replaces each categorical feature, under the same name, by its category's share of the training rows:
/// count / all training rows (missing rows included in the denominator, so the shares of the categories and of
/// missing add up to 1). A category not seen in training becomes 0, the share it had. A missing value becomes
/// NaN, or, with <paramref name="MissingAsCategory"/>, the share of training rows that were missing (0 if none were).
/// </summary>
/// <param name="MissingAsCategory">Encode missing as its own training share instead of NaN.</param>
/// <param name="Columns">Columns to encode; null means every categorical feature.</param>
public sealed record FrequencyEncode(
    bool MissingAsCategory = false,
    IReadOnlyList<string>? Columns = null) : IEstimator<LookupEncoder>
{
    /// <summary>Each encoded column keeps its name and position and becomes numeric; exact.</summary>
    public DataSchema GetOutputSchema(DataSchema input)
    {
        var names = ColumnSelection.Resolve(nameof(FrequencyEncode), input, Columns, ColumnKind.Categorical);
        return EncodedOutput.Replace(input, names, i => [names[i]]);
    }

    /// <summary>Learns each category's share of the training rows (categories with no rows are left out, so they count as unseen).</summary>
    public LookupEncoder Fit(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var names = ColumnSelection.Resolve(nameof(FrequencyEncode), input.Schema, Columns, ColumnKind.Categorical);
        var rows = (double)input.RowCount;
        var categories = new IReadOnlyList<string>[names.Length];
        var values = new IReadOnlyList<float>[names.Length];
        var missing = new IReadOnlyList<float>[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var column = input.Categorical(names[i]);
            var present = CategoryIndex.Present(column);
            categories[i] = [.. present.Select(p => p.Name)];
            values[i] = [.. present.Select(p => (float)(p.Count / rows))];
            missing[i] = [MissingAsCategory ? (float)(column.MissingCount() / Math.Max(1.0, rows)) : float.NaN];
        }
        return new LookupEncoder(
            names,
            [.. names.Select(n => (IReadOnlyList<string>)[n])],
            categories,
            values,
            [.. names.Select(_ => (IReadOnlyList<float>)[0f])],
            missing);
    }
}
