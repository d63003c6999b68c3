namespace Pipelines.Data;

/// <summary>How a column stores its values.</summary>
public enum ColumnKind
{
    /// <summary>Contiguous <c>float</c> values; <see cref="float.NaN"/> means missing.</summary>
    Numeric,
    /// <summary>Integer codes into a dictionary of category names; code -1 means missing.</summary>
    Categorical,
    /// <summary>Free text; null means missing.</summary>
    Text,
}

/// <summary>What a column is for. Transforms act on features and leave the other roles alone.</summary>
public enum ColumnRole
{
    Feature,
    /// <summary>The column to predict. At most one per frame.</summary>
    Label,
    /// <summary>Per-row sample weights. At most one per frame.</summary>
    Weight,
}
