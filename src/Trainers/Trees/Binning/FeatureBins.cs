namespace Pipelines.Trainers.Trees.Binning;

/// <summary>
/// How one feature's raw values map to bins (at most 256, so a bin fits in a byte).
/// Numeric: value bin b holds x with <c>UpperBounds[b-1] &lt; x &lt;= UpperBounds[b]</c> (the last bound is +inf), and
/// the bin after the value bins holds NaN. Categorical: bin b is category <c>Categories[b]</c>, then one 'other' bin
/// (categories past the cap, and at validation time categories never seen), then the missing bin.
/// </summary>
internal sealed class FeatureBins
{
    private readonly BoundSearch? _search;

    private FeatureBins(bool isCategorical, float[] upperBounds, string[] categories)
    {
        IsCategorical = isCategorical;
        UpperBounds = upperBounds;
        Categories = categories;
        ValueBinCount = isCategorical ? categories.Length + 1 : upperBounds.Length;
        if (ValueBinCount + 1 > 256) throw new ArgumentException($"A feature has at most 256 bins; got {ValueBinCount + 1}.");
        _search = isCategorical ? null : new BoundSearch(upperBounds);
    }

    /// <summary>A numeric feature with the given ascending upper bounds; the last must be +inf.</summary>
    public static FeatureBins Numeric(float[] upperBounds)
    {
        if (upperBounds.Length == 0 || !float.IsPositiveInfinity(upperBounds[^1]))
            throw new ArgumentException("Numeric bins need ascending upper bounds ending in +inf.", nameof(upperBounds));
        return new FeatureBins(false, upperBounds, []);
    }

    /// <summary>A categorical feature whose kept categories are <paramref name="categories"/>, in bin order.</summary>
    public static FeatureBins Categorical(string[] categories) => new(true, [], categories);

    public bool IsCategorical { get; }

    /// <summary>Numeric only: upper bound of each value bin, ascending, last +inf.</summary>
    public float[] UpperBounds { get; }

    /// <summary>Categorical only: the category of each value bin before <see cref="OtherBin"/>.</summary>
    public string[] Categories { get; }

    /// <summary>Value bins (categorical: kept categories plus the 'other' bin).</summary>
    public int ValueBinCount { get; }

    /// <summary>The bin of missing values: the last one.</summary>
    public int MissingBin => ValueBinCount;

    /// <summary>Categorical only: the bin of rare and unseen categories; -1 for numeric features.</summary>
    public int OtherBin => IsCategorical ? Categories.Length : -1;

    /// <summary>Value bins plus the missing bin.</summary>
    public int BinCount => ValueBinCount + 1;

    /// <summary>Bin of a numeric value: the first b with x &lt;= UpperBounds[b] (<see cref="BoundSearch"/>); NaN goes to <see cref="MissingBin"/>.</summary>
    public byte NumericBin(float x) => float.IsNaN(x) ? (byte)MissingBin : (byte)_search!.Find(x);
}
