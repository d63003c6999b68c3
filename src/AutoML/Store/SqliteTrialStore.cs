using Microsoft.Data.Sqlite;

namespace Pipelines.AutoML.Store;

/// <summary>
/// The embedded trial store: one SQLite file (by convention <c>trials.db</c>). WAL journaling and a busy timeout let
/// two processes share the file (one writes while the other reads, writers wait for each other); within a process one
/// connection serves every thread in turn. Every write is one transaction; every value is bound as a parameter.
/// </summary>
public sealed partial class SqliteTrialStore : ISharedTrialStore
{
    /// <summary>How long a write waits for another process's transaction before giving up.</summary>
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private const string TrialColumns =
        "id, learner, parameters_json, sample_size, status, score, fold_scores_json, seconds, error, proposed_after, report_order, started_at, finished_at, reported_cost";

    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private bool _disposed;

    private SqliteTrialStore(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    /// <summary>The store file's full path.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens the store at <paramref name="path"/>, creating the file (and its folder) when missing and migrating an
    /// older layout. Throws <see cref="TrialStoreException"/> for a file that is not SQLite, a SQLite file that is not
    /// a trial store, or a store written by a newer version of the tool.
    /// </summary>
    public static SqliteTrialStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TrialStoreException($"Cannot create the folder of trial store '{full}': {e.Message}. Choose a writable location.", e);
        }
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // One connection for the store's lifetime; without a pool, Dispose really closes the file.
            Pooling = false,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString());
        try
        {
            connection.Open();
            SqliteCommands.Execute(connection, null, $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds};");
            // The layout is checked first, so a file that is not a trial store is refused before anything about it changes.
            SqliteSchema.Ensure(connection, full);
            SqliteCommands.Execute(connection, null, "PRAGMA journal_mode = WAL;");
            // In WAL mode NORMAL still commits atomically; only a power cut may lose the last trials, not corrupt the file.
            SqliteCommands.Execute(connection, null, "PRAGMA synchronous = NORMAL;");
            SqliteCommands.Execute(connection, null, "PRAGMA foreign_keys = ON;");
            return new SqliteTrialStore(full, connection);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 26 /* SQLITE_NOTADB */ or 11 /* SQLITE_CORRUPT */)
        {
            connection.Dispose();
            throw new TrialStoreException(
                $"'{full}' is not a SQLite trial store ({e.Message.TrimEnd('.')}). Point the store at a new file, or at a trials.db this tool made.", e);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new TrialStoreException($"Cannot open trial store '{full}': {e.Message.TrimEnd('.')}. Check that the file is readable and writable.", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public bool OpenStudy(StudySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Write(transaction => OpenStudy(transaction, spec));
    }

    /// <inheritdoc/>
    public StudySpec? FindStudy(string study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return Read(() => FindStudy(null, study));
    }

    /// <inheritdoc/>
    public IReadOnlyList<StudySpec> Studies() => Read(() =>
    {
        using var select = Command(null, "SELECT name, kind, metric, higher_is_better, fingerprint, settings_json FROM studies ORDER BY name;");
        return TrialValues.ReadStudies(select);
    });

    /// <summary>
    /// Inserts trial <paramref name="trial"/>.Id of <paramref name="study"/> or replaces it whole: a trial saved
    /// without <see cref="TrialEntry.OutOfFold"/> keeps none. The study must have been opened.
    /// </summary>
    public void Save(string study, TrialEntry trial)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(trial);
        Write(transaction =>
        {
            Upsert(transaction, study, trial);
            return 0;
        });
    }

    /// <inheritdoc/>
    public void DropOutOfFold(string study, int id)
    {
        ArgumentNullException.ThrowIfNull(study);
        Write(transaction =>
        {
            using var update = Command(transaction, "UPDATE trials SET out_of_fold = NULL WHERE study = $study AND id = $id AND out_of_fold IS NOT NULL;");
            update.Parameters.AddWithValue("$study", study);
            update.Parameters.AddWithValue("$id", id);
            return update.ExecuteNonQuery();
        });
    }

    /// <inheritdoc/>
    public IReadOnlyList<TrialEntry> Trials(string study, bool withOutOfFold = false)
    {
        ArgumentNullException.ThrowIfNull(study);
        return Read(() => Trials(null, study, withOutOfFold));
    }

    /// <summary>Closes the file (the last connection to close also folds the WAL back into it).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _connection.Dispose();
        }
    }

    public override string ToString() => $"sqlite:{Path}";

    private T Read<T>(Func<T> read)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return read();
        }
    }

    /// <summary>Runs <paramref name="write"/> in one immediate transaction (the write lock taken up front, so two processes never deadlock upgrading a read).</summary>
    private T Write<T>(Func<SqliteTransaction, T> write)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var transaction = _connection.BeginTransaction(deferred: false);
            var result = write(transaction);
            transaction.Commit();
            return result;
        }
    }

    /// <summary>Creates <paramref name="spec"/> when new; true when it existed (with the same fingerprint, else throws).</summary>
    private bool OpenStudy(SqliteTransaction transaction, StudySpec spec)
    {
        var stored = FindStudy(transaction, spec.Name);
        if (stored is not null)
        {
            if (stored.Fingerprint != spec.Fingerprint) throw TrialValues.FingerprintMismatch(stored, spec, Path);
            return true;
        }
        using var insert = Command(transaction,
            "INSERT INTO studies (name, kind, metric, higher_is_better, fingerprint, settings_json, created_at) " +
            "VALUES ($name, $kind, $metric, $higher, $fingerprint, $settings, $created);");
        insert.Parameters.AddWithValue("$name", spec.Name);
        insert.Parameters.AddWithValue("$kind", spec.Kind);
        insert.Parameters.AddWithValue("$metric", spec.Metric);
        insert.Parameters.AddWithValue("$higher", spec.HigherIsBetter);
        insert.Parameters.AddWithValue("$fingerprint", spec.Fingerprint);
        insert.Parameters.AddWithValue("$settings", spec.SettingsJson);
        insert.Parameters.AddWithValue("$created", SqliteValues.Timestamp(DateTimeOffset.UtcNow));
        insert.ExecuteNonQuery();
        return false;
    }

    /// <summary>Inserts or replaces one trial whole (its queue state is reset).</summary>
    private void Upsert(SqliteTransaction transaction, string study, TrialEntry trial)
    {
        using var upsert = Command(transaction,
            $"INSERT OR REPLACE INTO trials (study, {TrialColumns}, out_of_fold) VALUES " +
            "($study, $id, $learner, $parameters, $sample, $status, $score, $folds, $seconds, $error, $proposed, $order, $started, $finished, $cost, $oof);");
        var p = upsert.Parameters;
        p.AddWithValue("$study", study);
        p.AddWithValue("$id", trial.Id);
        p.AddWithValue("$learner", SqliteValues.Optional(trial.Learner));
        p.AddWithValue("$parameters", TrialValues.Parameters(trial.Parameters));
        p.AddWithValue("$sample", SqliteValues.Optional(trial.SampleSize));
        p.AddWithValue("$status", trial.Status.ToString());
        p.AddWithValue("$score", SqliteValues.Real(trial.Score));
        p.AddWithValue("$folds", TrialValues.FoldScores(trial.FoldScores));
        p.AddWithValue("$seconds", SqliteValues.Real(trial.Seconds));
        p.AddWithValue("$error", SqliteValues.Optional(trial.Error));
        p.AddWithValue("$proposed", trial.ProposedAfter);
        p.AddWithValue("$order", SqliteValues.Optional(trial.ReportOrder));
        p.AddWithValue("$started", SqliteValues.Timestamp(trial.StartedAt));
        p.AddWithValue("$finished", trial.FinishedAt is { } finished ? SqliteValues.Timestamp(finished) : DBNull.Value);
        p.AddWithValue("$cost", SqliteValues.Real(trial.ReportedCost));
        p.Add("$oof", SqliteType.Blob).Value = SqliteValues.Predictions(trial.OutOfFold);
        try
        {
            upsert.ExecuteNonQuery();
        }
        catch (SqliteException e) when (e.SqliteExtendedErrorCode == 787 /* SQLITE_CONSTRAINT_FOREIGNKEY */)
        {
            throw new TrialStoreException($"Cannot save trial {trial.Id}: study '{study}' is not in trial store '{Path}'. Call OpenStudy first.", e);
        }
    }

    private List<TrialEntry> Trials(SqliteTransaction? transaction, string study, bool withOutOfFold)
    {
        var columns = withOutOfFold ? $"{TrialColumns}, out_of_fold" : TrialColumns;
        using var select = Command(transaction, $"SELECT {columns} FROM trials WHERE study = $study ORDER BY id;");
        select.Parameters.AddWithValue("$study", study);
        using var reader = select.ExecuteReader();
        var trials = new List<TrialEntry>();
        while (reader.Read()) trials.Add(ReadTrial(reader, withOutOfFold));
        return trials;
    }

    private StudySpec? FindStudy(SqliteTransaction? transaction, string study)
    {
        using var select = Command(transaction, "SELECT name, kind, metric, higher_is_better, fingerprint, settings_json FROM studies WHERE name = $name;");
        select.Parameters.AddWithValue("$name", study);
        return TrialValues.ReadStudies(select).SingleOrDefault();
    }

    private TrialEntry ReadTrial(SqliteDataReader reader, bool withOutOfFold)
    {
        var id = reader.GetInt32(0);
        var status = TrialValues.ReadStatus(reader.GetString(4), id, Path);
        return new TrialEntry(
            id,
            SqliteValues.ReadOptionalString(reader, 1),
            TrialValues.ReadParameters(reader.GetString(2)),
            SqliteValues.ReadOptionalInt(reader, 3),
            status,
            SqliteValues.ReadReal(reader, 5),
            TrialValues.ReadFoldScores(reader.GetString(6)),
            SqliteValues.ReadReal(reader, 7) ?? double.NaN,
            SqliteValues.ReadOptionalString(reader, 8),
            reader.GetInt32(9),
            SqliteValues.ReadOptionalInt(reader, 10),
            SqliteValues.ReadTimestamp(reader, 11),
            SqliteValues.ReadOptionalTimestamp(reader, 12))
        {
            ReportedCost = SqliteValues.ReadReal(reader, 13),
            OutOfFold = withOutOfFold ? SqliteValues.ReadPredictions(reader, 14) : null,
        };
    }

    private SqliteCommand Command(SqliteTransaction? transaction, string sql) => SqliteCommands.Create(_connection, transaction, sql);
}
