namespace Pipelines.IO;

/// <summary>Span lookup of the missing-value tokens, with a length check first so long numeric fields skip the hash.</summary>
internal sealed class MissingTokens
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _longest;

    // Whether no token ends with a digit (none of the defaults does), so a field that does, as nearly every number,
    // skips the hash.
    private readonly bool _noTokenEndsWithDigit;

    public MissingTokens(IEnumerable<string> tokens)
    {
        var set = new HashSet<string>(tokens, StringComparer.Ordinal);
        _lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
        _longest = set.Count == 0 ? -1 : set.Max(t => t.Length);
        _noTokenEndsWithDigit = set.All(t => t.Length == 0 || !char.IsAsciiDigit(t[^1]));
    }

    /// <summary>Whether a field is missing: an unquoted field equal to a token, or an empty quoted field.</summary>
    public bool IsMissing(ReadOnlySpan<char> field, bool quoted) =>
        quoted ? field.IsEmpty
            : field.Length <= _longest && !(_noTokenEndsWithDigit && field.Length > 0 && char.IsAsciiDigit(field[^1])) && _lookup.Contains(field);

    /// <summary>Whether <paramref name="text"/>, written unquoted, would read back as missing.</summary>
    public bool Matches(string text) => text.Length <= _longest && _lookup.Contains(text);
}
