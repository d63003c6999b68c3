using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.Transforms.Encoding;

/// <summary>
/// One-hot encoding: replaces each categorical feature, in place, by one numeric 0/1 column per kept category,
/// named "col=value". Column order per source column: kept categories by name (ordinal string order), then
/// "col=__other__" if there is one, then "col=__missing__" if there is one (see <see cref="OneHotEncoder"/>).
/// A category is kept when it occurs in training at least <paramref name="MinFrequency"/> times and is among the
/// <paramref name="MaxCategories"/> most frequent (ties by name); other training categories go to "col=__other__".
/// Unseen categories follow <paramref name="Unseen"/>; missing values follow <paramref name="Missing"/>.
/// </summary>
/// <param name="MaxCategories">Most categories kept per column (not counting other/missing outputs); null for no cap.</param>
/// <param name="MinFrequency">
/// Rarity threshold: below 1 a fraction of training rows (missing rows included), from 1 up a row count.
/// Categories occurring less often go to "col=__other__". 0 keeps every category.
/// </param>
/// <param name="Unseen">Unseen categories at Transform: all zeros (default) or the other column.</param>
/// <param name="Missing">Missing values: all zeros (default) or their own "col=__missing__" column.</param>
/// <param name="DropIfBinary">
/// For a column that would get exactly two outputs (two kept categories, no other or missing column), keep only the
/// second: the first category is then all zeros, as an unseen one is. Avoids a redundant column for linear models.
/// </param>
/// <param name="Columns">Columns to encode; null means every categorical feature.</param>
public sealed record OneHotEncode(
    int? MaxCategories = null,
    double MinFrequency = 0,
    OneHotUnseen Unseen = OneHotUnseen.AllZeros,
    OneHotMissing Missing = OneHotMissing.AllZeros,
    bool DropIfBinary = false,
    IReadOnlyList<string>? Columns = null) : IEstimator<OneHotEncoder>
{
    /// <summary>Partial: the output names depend on the categories in the data, so only the untouched columns are listed.</summary>
    public DataSchema GetOutputSchema(DataSchema input)
    {
        var names = ColumnSelection.Resolve(nameof(OneHotEncode), input, Columns, ColumnKind.Categorical);
        return EncodedOutput.WithoutSources(input, names);
    }

    /// <summary>Learns the kept and rare categories of each column; validates the options.</summary>
    public OneHotEncoder Fit(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Validate();
        var names = ColumnSelection.Resolve(nameof(OneHotEncode), input.Schema, Columns, ColumnKind.Categorical);
        var threshold = MinFrequency < 1 ? MinFrequency * input.RowCount : MinFrequency;
        var kept = new IReadOnlyList<string>[names.Length];
        var infrequent = new IReadOnlyList<string>[names.Length];
        var hasOther = new bool[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var present = CategoryIndex.Present(input.Categorical(names[i]));
            var ranked = present
                .Where(p => p.Count >= threshold)
                .OrderByDescending(p => p.Count).ThenBy(p => p.Name, StringComparer.Ordinal)
                .Take(MaxCategories ?? int.MaxValue)
                .Select(p => p.Name)
                .ToHashSet(StringComparer.Ordinal);
            var keep = present.Select(p => p.Name).Where(ranked.Contains).Order(StringComparer.Ordinal).ToList();
            infrequent[i] = [.. present.Select(p => p.Name).Where(n => !ranked.Contains(n)).Order(StringComparer.Ordinal)];
            hasOther[i] = infrequent[i].Count > 0 || Unseen == OneHotUnseen.Other;
            // The first of two is implied by a zero in the second, so the pair carries one column of information.
            if (DropIfBinary && keep.Count == 2 && !hasOther[i] && Missing == OneHotMissing.AllZeros) keep.RemoveAt(0);
            kept[i] = keep;
            CheckReservedNames(names[i], keep, hasOther[i]);
        }
        return new OneHotEncoder(names, kept, infrequent, hasOther, Unseen == OneHotUnseen.Other, Missing == OneHotMissing.OwnColumn);
    }

    private void Validate()
    {
        const string step = nameof(OneHotEncode);
        if (MaxCategories is < 1) ThrowHelper.BadOption(step, nameof(MaxCategories), MaxCategories, "null (no cap) or at least 1");
        if (!(MinFrequency >= 0) || double.IsInfinity(MinFrequency))
            ThrowHelper.BadOption(step, nameof(MinFrequency), MinFrequency, "a fraction in [0, 1) of training rows or a count of at least 1");
        if (!Enum.IsDefined(Unseen)) ThrowHelper.BadOption(step, nameof(Unseen), Unseen, "AllZeros or Other");
        if (!Enum.IsDefined(Missing)) ThrowHelper.BadOption(step, nameof(Missing), Missing, "AllZeros or OwnColumn");
    }

    // A real category named like a reserved output would produce two columns of the same name.
    private void CheckReservedNames(string column, List<string> kept, bool hasOther)
    {
        foreach (var (reserved, used) in new[] { (OneHotEncoder.OtherName, hasOther), (OneHotEncoder.MissingName, Missing == OneHotMissing.OwnColumn) })
        {
            if (used && kept.Contains(reserved, StringComparer.Ordinal))
                throw new DataValueException(
                    $"{nameof(OneHotEncode)}: column '{column}' has a category named '{reserved}', which would clash with the output '{column}={reserved}'. Rename that category first.");
        }
    }
}
