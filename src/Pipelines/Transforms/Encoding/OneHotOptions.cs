namespace Pipelines.Transforms.Encoding;

/// <summary>Where <see cref="OneHotEncode"/> puts a category it did not see in training.</summary>
public enum OneHotUnseen
{
    /// <summary>All of the column's outputs are 0.</summary>
    AllZeros,
    /// <summary>1 in the column's "col=__other__" output, which then always exists (with the rare categories, if any).</summary>
    Other,
}

/// <summary>How <see cref="OneHotEncode"/> encodes a missing value.</summary>
public enum OneHotMissing
{
    /// <summary>All of the column's outputs are 0.</summary>
    AllZeros,
    /// <summary>1 in a "col=__missing__" output, which then always exists, even if training had no missing values.</summary>
    OwnColumn,
}
