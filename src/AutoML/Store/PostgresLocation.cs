using System.Globalization;
using Npgsql;

namespace Pipelines.AutoML.Store;

/// <summary>
/// A PostgreSQL trial store's location: a libpq-style URL <c>postgresql://[user[:password]@][host][:port][/database][?key=value&amp;...]</c>
/// (or <c>postgres://</c>). What the URL leaves out comes from the standard environment variables PGHOST, PGPORT,
/// PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE, PGCONNECT_TIMEOUT and PGAPPNAME, then from libpq's defaults (localhost,
/// 5432, the OS user, a database named after the user). A host starting with <c>/</c> is a Unix socket folder.
/// The password is never part of <see cref="ToString"/> or of any message; errors show the redacted location.
/// </summary>
public sealed class PostgresLocation
{
    private static readonly string[] Schemes = ["postgresql://", "postgres://"];

    /// <summary>Query keys understood, libpq's names (plus search_path).</summary>
    private static readonly string[] QueryKeys =
        ["host", "port", "user", "password", "dbname", "sslmode", "connect_timeout", "application_name", "options", "target_session_attrs", "sslrootcert", "sslcert", "sslkey", "search_path"];

    private readonly string _password;

    private PostgresLocation(NpgsqlConnectionStringBuilder builder, string password)
    {
        Builder = builder;
        _password = password;
    }

    public string Host => Builder.Host!;
    public int Port => Builder.Port;
    public string Database => Builder.Database!;
    public string User => Builder.Username!;

    /// <summary>True when a password was given (in the URL or PGPASSWORD); otherwise Npgsql may read ~/.pgpass.</summary>
    public bool HasPassword => _password.Length > 0;

    /// <summary>The connection settings, password included: for opening connections only, never for printing.</summary>
    internal NpgsqlConnectionStringBuilder Builder { get; }

    /// <summary>True for a <c>postgresql://</c> or <c>postgres://</c> location.</summary>
    public static bool IsPostgres(string location) =>
        location is not null && Schemes.Any(s => location.TrimStart().StartsWith(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses <paramref name="location"/>; missing parts come from <paramref name="environment"/> (null: the process's environment variables).</summary>
    public static PostgresLocation Parse(string location, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        environment ??= Environment.GetEnvironmentVariable;
        var text = location.Trim();
        var scheme = Schemes.FirstOrDefault(s => text.StartsWith(s, StringComparison.OrdinalIgnoreCase))
            ?? throw new TrialStoreException("A PostgreSQL store location starts with postgresql:// (e.g. postgresql://user@host:5432/trials).");
        var url = new UrlParts(text[scheme.Length..]);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        void Put(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) values[key] = value;
        }
        Put("user", url.User);
        Put("password", url.Password);
        Put("host", url.Host);
        Put("port", url.Port);
        Put("dbname", url.Database);
        foreach (var (key, value) in url.Query)
        {
            if (!QueryKeys.Contains(key))
                throw new TrialStoreException($"PostgreSQL store location {url.Redacted(scheme)}: unknown setting '{key}'; known: {string.Join(", ", QueryKeys)}.");
            Put(key, value);
        }
        (string Key, string Variable)[] fromEnvironment =
        [
            ("host", "PGHOST"), ("port", "PGPORT"), ("user", "PGUSER"), ("password", "PGPASSWORD"), ("dbname", "PGDATABASE"),
            ("sslmode", "PGSSLMODE"), ("connect_timeout", "PGCONNECT_TIMEOUT"), ("application_name", "PGAPPNAME"),
        ];
        foreach (var (key, variable) in fromEnvironment)
        {
            if (!values.ContainsKey(key)) Put(key, environment(variable));
        }
        return Build(values, url.Redacted(scheme));
    }

    /// <summary>The location without the password: <c>postgresql://user@host:port/database</c>.</summary>
    public override string ToString() => $"postgresql://{User}@{(Host.Contains(':', StringComparison.Ordinal) && !Host.StartsWith('/') ? $"[{Host}]" : Host)}:{Port}/{Database}";

    /// <summary><paramref name="message"/> with the password, should it appear, replaced by ***.</summary>
    internal string Scrub(string message) => HasPassword ? message.Replace(_password, "***", StringComparison.Ordinal) : message;

    private static PostgresLocation Build(Dictionary<string, string> values, string redacted)
    {
        TrialStoreException Bad(string what) => new($"PostgreSQL store location {redacted}: {what}.");
        var user = values.GetValueOrDefault("user") ?? Environment.UserName;
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = values.GetValueOrDefault("host") ?? "localhost",
            Username = user,
            Database = values.GetValueOrDefault("dbname") ?? user,
            ApplicationName = values.GetValueOrDefault("application_name") ?? "pipelines",
            // The password never travels with the connection string once a connection is open.
            PersistSecurityInfo = false,
        };
        if (values.TryGetValue("port", out var port))
        {
            builder.Port = int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536
                ? p : throw Bad($"port '{port}' is not a number from 1 to 65535");
        }
        if (values.TryGetValue("connect_timeout", out var timeout))
        {
            builder.Timeout = int.TryParse(timeout, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t <= 1024
                ? t : throw Bad($"connect_timeout '{timeout}' is not a whole number of seconds up to 1024");
        }
        if (values.TryGetValue("sslmode", out var ssl)) builder.SslMode = SslModeOf(ssl) ?? throw Bad($"sslmode '{ssl}' is not one of disable, allow, prefer, require, verify-ca, verify-full");
        if (values.TryGetValue("target_session_attrs", out var target))
        {
            builder.TargetSessionAttributes = target;
        }
        if (values.TryGetValue("options", out var options)) builder.Options = options;
        if (values.TryGetValue("sslrootcert", out var root)) builder.RootCertificate = root;
        if (values.TryGetValue("sslcert", out var cert)) builder.SslCertificate = cert;
        if (values.TryGetValue("sslkey", out var key)) builder.SslKey = key;
        if (values.TryGetValue("search_path", out var path)) builder.SearchPath = path;
        var password = values.GetValueOrDefault("password") ?? "";
        if (password.Length > 0) builder.Password = password;
        return new PostgresLocation(builder, password);
    }

    private static SslMode? SslModeOf(string mode) => mode.ToLowerInvariant() switch
    {
        "disable" => SslMode.Disable,
        "allow" => SslMode.Allow,
        "prefer" => SslMode.Prefer,
        "require" => SslMode.Require,
        "verify-ca" => SslMode.VerifyCA,
        "verify-full" => SslMode.VerifyFull,
        _ => null,
    };

    /// <summary>The parts of a URL after its scheme, percent-decoded.</summary>
    private sealed class UrlParts
    {
        public UrlParts(string rest)
        {
            var query = rest.IndexOf('?', StringComparison.Ordinal);
            if (query >= 0)
            {
                foreach (var pair in rest[(query + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
                {
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    Query.Add(equals < 0 ? (Decode(pair), "") : (Decode(pair[..equals]), Decode(pair[(equals + 1)..])));
                }
                rest = rest[..query];
            }
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var authority = slash >= 0 ? rest[..slash] : rest;
            if (slash >= 0) Database = Decode(rest[(slash + 1)..]);
            var at = authority.LastIndexOf('@');
            if (at >= 0)
            {
                var userInfo = authority[..at];
                var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
                User = Decode(colon >= 0 ? userInfo[..colon] : userInfo);
                if (colon >= 0) Password = Decode(userInfo[(colon + 1)..]);
                authority = authority[(at + 1)..];
            }
            HostPort = authority;
            if (authority.StartsWith('['))
            {
                var close = authority.IndexOf(']', StringComparison.Ordinal);
                if (close < 0) throw new TrialStoreException($"PostgreSQL store location: the IPv6 host in '{authority}' has no closing ']'.");
                Host = authority[1..close];
                if (authority.Length > close + 1 && authority[close + 1] == ':') Port = authority[(close + 2)..];
            }
            else if (authority.Contains(',', StringComparison.Ordinal))
            {
                Host = Decode(authority);
            }
            else
            {
                var colon = authority.LastIndexOf(':');
                Host = Decode(colon >= 0 ? authority[..colon] : authority);
                if (colon >= 0) Port = authority[(colon + 1)..];
            }
        }

        public string? User { get; }
        public string? Password { get; }
        public string? Host { get; }
        public string? Port { get; }
        public string? Database { get; }
        public string HostPort { get; }
        public List<(string Key, string Value)> Query { get; } = [];

        /// <summary>The URL as typed without its password and query (which may hold one).</summary>
        public string Redacted(string scheme) =>
            $"{scheme}{(User is null ? "" : Uri.EscapeDataString(User) + "@")}{HostPort}{(Database is null ? "" : "/" + Uri.EscapeDataString(Database))}{(Query.Count > 0 ? "?..." : "")}";

        private static string Decode(string text) => Uri.UnescapeDataString(text);
    }
}
