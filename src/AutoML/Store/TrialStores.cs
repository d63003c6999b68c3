namespace Pipelines.AutoML.Store;

/// <summary>Opens a trial store from the location a user typed (the CLI's <c>--store</c>).</summary>
public static class TrialStores
{
    private const string SqlitePrefix = "sqlite:";
    private const string Supported = "supported: 'sqlite:PATH', a plain file path such as trials.db, or 'postgresql://user@host:port/database'";

    /// <summary>
    /// Opens <paramref name="location"/>: <c>sqlite:PATH</c> or a bare file path is a <see cref="SqliteTrialStore"/>;
    /// <c>postgresql://...</c> (or <c>postgres://</c>) is a <see cref="PostgresTrialStore"/>, with what the URL leaves
    /// out taken from the PG* environment variables (<see cref="PostgresLocation"/>). Any other <c>scheme://</c>
    /// location throws <see cref="TrialStoreException"/>.
    /// </summary>
    public static ITrialStore Open(string location) => OpenShared(location);

    /// <summary>Opens <paramref name="location"/> as <see cref="Open"/> does, as a store workers can share.</summary>
    public static ISharedTrialStore OpenShared(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var trimmed = location.Trim();
        if (trimmed.Length == 0) throw new TrialStoreException($"The trial store location is empty; {Supported}.");
        if (trimmed.StartsWith(SqlitePrefix, StringComparison.OrdinalIgnoreCase))
        {
            var path = trimmed[SqlitePrefix.Length..];
            if (path.Length == 0 || path.StartsWith("//", StringComparison.Ordinal))
                throw new TrialStoreException($"Trial store location '{location}' has no file path after 'sqlite:'; write it as sqlite:PATH (e.g. sqlite:runs/trials.db).");
            return SqliteTrialStore.Open(path);
        }
        if (PostgresLocation.IsPostgres(trimmed)) return PostgresTrialStore.Open(PostgresLocation.Parse(trimmed));
        var scheme = SchemeOf(trimmed);
        if (scheme is not null)
        {
            throw new TrialStoreException($"Trial store location '{Redact(trimmed, scheme)}': '{scheme}' stores are not supported; {Supported}.");
        }
        return SqliteTrialStore.Open(trimmed);
    }

    /// <summary>The scheme of a <c>scheme://...</c> location, or null for a file path (a Windows drive letter is one character and followed by a backslash or one slash).</summary>
    private static string? SchemeOf(string location)
    {
        var end = location.IndexOf("://", StringComparison.Ordinal);
        if (end < 2) return null;
        var scheme = location[..end];
        return char.IsAsciiLetter(scheme[0]) && scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') ? scheme : null;
    }

    /// <summary>The location without user info or query, so a password in a connection URL never lands in a message or log.</summary>
    private static string Redact(string location, string scheme)
    {
        var rest = location[(scheme.Length + 3)..];
        var query = rest.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0) rest = rest[..query] + "?...";
        var at = rest.LastIndexOf('@');
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return at >= 0 && (slash < 0 || at < slash) ? $"{scheme}://***@{rest[(at + 1)..]}" : $"{scheme}://{rest}";
    }
}
