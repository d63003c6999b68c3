using Microsoft.Data.Sqlite;

namespace Pipelines.AutoML.Store;

/// <summary>
/// Creates and migrates a store file's tables. The file records its version in <c>schema_version</c>; migration
/// <c>i</c> takes a file from version <c>i</c> to <c>i + 1</c>, so an old file is brought forward step by step and a
/// file from a newer tool is refused rather than misread.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>The version this tool writes.</summary>
    public const int CurrentVersion = 3;

    private static readonly string[] Migrations =
    [
        // 0 -> 1: studies and their trials.
        """
        CREATE TABLE studies (
            name TEXT PRIMARY KEY NOT NULL,
            kind TEXT NOT NULL,
            metric TEXT NOT NULL,
            higher_is_better INTEGER NOT NULL,
            fingerprint TEXT NOT NULL,
            settings_json TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE trials (
            study TEXT NOT NULL REFERENCES studies(name),
            id INTEGER NOT NULL,
            learner TEXT,
            parameters_json TEXT NOT NULL,
            sample_size INTEGER,
            status TEXT NOT NULL,
            score REAL,
            fold_scores_json TEXT NOT NULL,
            seconds REAL NOT NULL,
            error TEXT,
            proposed_after INTEGER NOT NULL,
            report_order INTEGER,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            out_of_fold BLOB,
            PRIMARY KEY (study, id)
        );
        """,
        // 1 -> 2: queue state for workers (who holds a trial, its last heartbeat, how often it was claimed).
        """
        ALTER TABLE trials ADD COLUMN worker TEXT;
        ALTER TABLE trials ADD COLUMN heartbeat_at TEXT;
        ALTER TABLE trials ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX trials_by_status ON trials (study, status, id);
        """,
        // 2 -> 3: the cost each trial was reported to the tuner with, for a resumed study to replay.
        """
        ALTER TABLE trials ADD COLUMN reported_cost REAL;
        """,
    ];

    /// <summary>
    /// Brings the file behind <paramref name="connection"/> to <see cref="CurrentVersion"/> in one transaction, so a
    /// second process opening the same new file waits and then finds it ready.
    /// </summary>
    public static void Ensure(SqliteConnection connection, string path)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var version = ReadVersion(connection, transaction, path);
        if (version > CurrentVersion)
        {
            throw new TrialStoreException(
                $"Trial store '{path}' has schema version {version}, but this tool reads versions up to {CurrentVersion}: " +
                "it was written by a newer release. Upgrade the tool to open it, or use another store file.");
        }
        for (var step = version; step < CurrentVersion; step++)
            SqliteCommands.Execute(connection, transaction, Migrations[step]);
        if (version != CurrentVersion)
        {
            SqliteCommands.Execute(connection, transaction, "DELETE FROM schema_version;");
            using var write = SqliteCommands.Create(connection, transaction, "INSERT INTO schema_version (version) VALUES ($version);");
            write.Parameters.AddWithValue("$version", CurrentVersion);
            write.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>The file's version: 0 for an empty database (after creating <c>schema_version</c>).</summary>
    private static int ReadVersion(SqliteConnection connection, SqliteTransaction transaction, string path)
    {
        using (var tables = SqliteCommands.Create(connection, transaction, "SELECT name FROM sqlite_master WHERE type = 'table';"))
        using (var reader = tables.ExecuteReader())
        {
            var names = new List<string>();
            while (reader.Read()) names.Add(reader.GetString(0));
            if (names.Count > 0 && !names.Contains("schema_version"))
            {
                throw new TrialStoreException(
                    $"'{path}' is a SQLite database but not a trial store (it has no schema_version table; tables: " +
                    $"{string.Join(", ", names.Take(5))}). Point the store at a new file or at one this tool made.");
            }
            if (names.Count == 0)
            {
                reader.Close();
                SqliteCommands.Execute(connection, transaction, "CREATE TABLE schema_version (version INTEGER NOT NULL);");
                return 0;
            }
        }
        using var read = SqliteCommands.Create(connection, transaction, "SELECT MAX(version) FROM schema_version;");
        return read.ExecuteScalar() is long version
            ? checked((int)version)
            : throw new TrialStoreException(
                $"Trial store '{path}' has an empty schema_version table, so its layout is unknown. " +
                "It was damaged or not made by this tool: use another store file.");
    }
}
