namespace Pipelines.IO;

/// <summary>Guesses the separator from a header line.</summary>
internal static class SeparatorSniffer
{
    private static readonly char[] Candidates = [',', '\t', ';', '|'];

    /// <summary>
    /// The candidate (comma, tab, semicolon, pipe) that occurs most often outside quotes; comma on a tie or when none
    /// occurs. <paramref name="named"/>, the separator the file's name implies, wins whenever it occurs and is not the
    /// comma every name implies by default (a <c>.tsv</c> header may hold commas in its names).
    /// </summary>
    public static char Sniff(ReadOnlySpan<char> headerLine, char named = ',')
    {
        Span<int> counts = stackalloc int[Candidates.Length];
        var quoted = false;
        foreach (var c in headerLine)
        {
            if (c == '"') quoted = !quoted;
            if (quoted) continue;
            var k = Array.IndexOf(Candidates, c);
            if (k >= 0) counts[k]++;
        }
        if (named != ',' && Array.IndexOf(Candidates, named) is var n and >= 0 && counts[n] > 0) return named;
        var best = 0;
        for (var k = 1; k < counts.Length; k++)
        {
            if (counts[k] > counts[best]) best = k;
        }
        return Candidates[best];
    }
}
