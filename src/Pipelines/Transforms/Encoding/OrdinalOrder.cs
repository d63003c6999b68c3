namespace Pipelines.Transforms.Encoding;

/// <summary>Which category gets code 0, 1, 2, ... in <see cref="OrdinalEncode"/>.</summary>
public enum OrdinalOrder
{
    /// <summary>Category names in ordinal (culture-free, case-sensitive) string order.</summary>
    Lexical,
    /// <summary>Most frequent category first; ties broken by name in ordinal order.</summary>
    Frequency,
}
