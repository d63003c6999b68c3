using Npgsql;

namespace Pipelines.AutoML.Store;

/// <summary>
/// Creates and migrates the trial store's tables in a PostgreSQL database (in the first schema of the connection's
/// search_path). The database records its version in <c>schema_version</c>; migration <c>i</c> takes it from version
/// <c>i</c> to <c>i + 1</c> inside one transaction that holds an advisory lock, so workers starting together on a new
/// database wait for one of them to create the tables, and a database from a newer tool is refused.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>The version this tool writes.</summary>
    public const int CurrentVersion = 2;

    /// <summary>The advisory lock key migrations hold ("pipeline" in ASCII).</summary>
    private const long MigrationLock = 0x70697065_6C696E65;

    private static readonly string[] Migrations =
    [
        // 0 -> 1: studies, their trials and the trials' queue state.
        """
        CREATE TABLE studies (
            name text PRIMARY KEY,
            kind text NOT NULL,
            metric text NOT NULL,
            higher_is_better boolean NOT NULL,
            fingerprint text NOT NULL,
            settings_json text NOT NULL,
            created_at timestamptz NOT NULL
        );
        CREATE TABLE trials (
            study text NOT NULL REFERENCES studies(name),
            id integer NOT NULL,
            learner text,
            parameters_json text NOT NULL,
            sample_size integer,
            status text NOT NULL,
            score double precision,
            fold_scores_json text NOT NULL,
            seconds double precision NOT NULL,
            error text,
            proposed_after integer NOT NULL,
            report_order integer,
            started_at timestamptz NOT NULL,
            finished_at timestamptz,
            out_of_fold bytea,
            worker text,
            heartbeat_at timestamptz,
            attempts integer NOT NULL DEFAULT 0,
            PRIMARY KEY (study, id)
        );
        CREATE INDEX trials_by_status ON trials (study, status, id);
        """,
        // 1 -> 2: the cost each trial was reported to the tuner with, for a resumed study to replay.
        """
        ALTER TABLE trials ADD COLUMN reported_cost double precision;
        """,
    ];

    /// <summary>Brings the database behind <paramref name="connection"/> to <see cref="CurrentVersion"/>.</summary>
    public static void Ensure(NpgsqlConnection connection, PostgresLocation location)
    {
        using var transaction = connection.BeginTransaction();
        using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key);", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", MigrationLock);
            lockCommand.ExecuteNonQuery();
        }
        var version = ReadVersion(connection, transaction, location);
        if (version > CurrentVersion)
        {
            throw new TrialStoreException(
                $"Trial store {location} has schema version {version}, but this tool reads versions up to {CurrentVersion}: " +
                "it was written by a newer release. Upgrade the tool to use it, or use another database.");
        }
        for (var step = version; step < CurrentVersion; step++) Execute(connection, transaction, Migrations[step]);
        if (version != CurrentVersion)
        {
            Execute(connection, transaction, "DELETE FROM schema_version;");
            using var write = new NpgsqlCommand("INSERT INTO schema_version (version) VALUES (@version);", connection, transaction);
            write.Parameters.AddWithValue("version", CurrentVersion);
            write.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>The database's version: 0 for one without the store's tables (after creating <c>schema_version</c>).</summary>
    private static int ReadVersion(NpgsqlConnection connection, NpgsqlTransaction transaction, PostgresLocation location)
    {
        bool hasVersion, hasStudies, hasTrials;
        using (var tables = new NpgsqlCommand(
            "SELECT to_regclass('schema_version') IS NOT NULL, to_regclass('studies') IS NOT NULL, to_regclass('trials') IS NOT NULL;", connection, transaction))
        using (var reader = tables.ExecuteReader())
        {
            reader.Read();
            (hasVersion, hasStudies, hasTrials) = (reader.GetBoolean(0), reader.GetBoolean(1), reader.GetBoolean(2));
        }
        if (!hasVersion && (hasStudies || hasTrials))
        {
            throw new TrialStoreException(
                $"Database {location} has a '{(hasStudies ? "studies" : "trials")}' table but no schema_version table, so it is not a trial store " +
                "this tool made. Use another database, or another schema (?search_path=NAME in the location).");
        }
        if (!hasVersion)
        {
            Execute(connection, transaction, "CREATE TABLE schema_version (version integer NOT NULL);");
            return 0;
        }
        using var read = new NpgsqlCommand("SELECT MAX(version) FROM schema_version;", connection, transaction);
        return read.ExecuteScalar() is int version
            ? version
            : throw new TrialStoreException(
                $"Trial store {location} has an empty schema_version table, so its layout is unknown. It was damaged or not made by this tool: use another database.");
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
