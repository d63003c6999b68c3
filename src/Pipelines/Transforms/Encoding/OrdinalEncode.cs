using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.Transforms.Encoding;

/// <summary>
/// Replaces each categorical feature, under the same name, by a numeric code 0 .. k-1 for the k categories
/// seen in training, numbered in <paramref name="Order"/>. A missing value becomes NaN (so an imputer or a
/// learner that handles NaN sees it as missing). A category not seen in training becomes <paramref name="Unseen"/>:
/// by default -1, which no learned code can be and which stays apart from missing, so a downstream imputer
/// does not fill it in and a tree can split it off.
/// </summary>
/// <param name="Order">How codes are assigned (lexical by default, as scikit-learn's OrdinalEncoder).</param>
/// <param name="Unseen">Output for unseen categories: NaN or a negative number, so it never equals a learned code.</param>
/// <param name="Columns">Columns to encode; null means every categorical feature.</param>
public sealed record OrdinalEncode(
    OrdinalOrder Order = OrdinalOrder.Lexical,
    float Unseen = -1f,
    IReadOnlyList<string>? Columns = null) : IEstimator<LookupEncoder>
{
    /// <summary>Each encoded column keeps its name and position and becomes numeric; exact.</summary>
    public DataSchema GetOutputSchema(DataSchema input)
    {
        var names = ColumnSelection.Resolve(nameof(OrdinalEncode), input, Columns, ColumnKind.Categorical);
        return EncodedOutput.Replace(input, names, i => [names[i]]);
    }

    /// <summary>Learns each column's categories (those with at least one training row) and their codes; validates the options.</summary>
    public LookupEncoder Fit(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Enum.IsDefined(Order)) ThrowHelper.BadOption(nameof(OrdinalEncode), nameof(Order), Order, "Lexical or Frequency");
        if (!(float.IsNaN(Unseen) || (Unseen < 0 && float.IsFinite(Unseen))))
            ThrowHelper.BadOption(nameof(OrdinalEncode), nameof(Unseen), Unseen, "NaN or a finite negative number, so it cannot be mistaken for a code");
        var names = ColumnSelection.Resolve(nameof(OrdinalEncode), input.Schema, Columns, ColumnKind.Categorical);
        var categories = new IReadOnlyList<string>[names.Length];
        var values = new IReadOnlyList<float>[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var present = CategoryIndex.Present(input.Categorical(names[i]));
            var ordered = Order == OrdinalOrder.Frequency
                ? present.OrderByDescending(p => p.Count).ThenBy(p => p.Name, StringComparer.Ordinal)
                : present.OrderBy(p => p.Name, StringComparer.Ordinal);
            categories[i] = [.. ordered.Select(p => p.Name)];
            values[i] = [.. Enumerable.Range(0, categories[i].Count).Select(c => (float)c)];
        }
        return new LookupEncoder(
            names,
            [.. names.Select(n => (IReadOnlyList<string>)[n])],
            categories,
            values,
            [.. names.Select(_ => (IReadOnlyList<float>)[Unseen])],
            [.. names.Select(_ => (IReadOnlyList<float>)[float.NaN])]);
    }
}
