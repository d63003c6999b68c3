using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Pipelines.AutoML.Store;

/// <summary>
/// The shared trial store: a PostgreSQL database that workers on many hosts use together. Each call takes a pooled
/// connection, so the store is safe to use from several threads; every write is one transaction and every value is
/// bound as a parameter. Timestamps are <c>timestamptz</c> (microseconds); queue times (claims, heartbeats) are the
/// server's clock, so hosts whose clocks differ still agree on which worker went quiet. Errors name the location
/// without its password.
/// </summary>
public sealed partial class PostgresTrialStore : ISharedTrialStore
{
    private const string TrialColumns =
        "id, learner, parameters_json, sample_size, status, score, fold_scores_json, seconds, error, proposed_after, report_order, started_at, finished_at, reported_cost";

    private const string StudyColumns = "name, kind, metric, higher_is_better, fingerprint, settings_json";

    private readonly NpgsqlDataSource _source;

    private PostgresTrialStore(PostgresLocation location, NpgsqlDataSource source)
    {
        Location = location;
        _source = source;
    }

    /// <summary>Where the store is (prints without the password).</summary>
    public PostgresLocation Location { get; }

    /// <summary>
    /// Connects to <paramref name="location"/> and creates or migrates the store's tables. Throws
    /// <see cref="TrialStoreException"/> when the server cannot be reached or refuses the login, when the database
    /// holds tables of another application under the same names, or when it was written by a newer tool.
    /// </summary>
    public static PostgresTrialStore Open(PostgresLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var store = new PostgresTrialStore(location, NpgsqlDataSource.Create(location.Builder));
        try
        {
            store.Run(connection =>
            {
                PostgresSchema.Ensure(connection, location);
                return 0;
            });
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public bool OpenStudy(StudySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Transaction((connection, transaction) => OpenStudy(connection, transaction, spec));
    }

    /// <inheritdoc/>
    public StudySpec? FindStudy(string study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return Run(connection => FindStudy(connection, null, study));
    }

    /// <inheritdoc/>
    public IReadOnlyList<StudySpec> Studies() => Run(connection =>
    {
        using var select = new NpgsqlCommand($"SELECT {StudyColumns} FROM studies ORDER BY name;", connection);
        return TrialValues.ReadStudies(select);
    });

    /// <summary>
    /// Inserts trial <paramref name="trial"/>.Id of <paramref name="study"/> or replaces it whole (its queue state
    /// reset): a trial saved without <see cref="TrialEntry.OutOfFold"/> keeps none. The study must have been opened.
    /// </summary>
    public void Save(string study, TrialEntry trial)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(trial);
        Transaction((connection, transaction) =>
        {
            Upsert(connection, transaction, study, trial);
            return 0;
        });
    }

    /// <inheritdoc/>
    public void DropOutOfFold(string study, int id)
    {
        ArgumentNullException.ThrowIfNull(study);
        Transaction((connection, transaction) =>
        {
            using var update = new NpgsqlCommand("UPDATE trials SET out_of_fold = NULL WHERE study = @study AND id = @id AND out_of_fold IS NOT NULL;", connection, transaction);
            update.Parameters.AddWithValue("study", study);
            update.Parameters.AddWithValue("id", id);
            return update.ExecuteNonQuery();
        });
    }

    /// <inheritdoc/>
    public IReadOnlyList<TrialEntry> Trials(string study, bool withOutOfFold = false)
    {
        ArgumentNullException.ThrowIfNull(study);
        return Run(connection => Trials(connection, null, study, withOutOfFold));
    }

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose() => _source.Dispose();

    /// <summary>The location, without its password.</summary>
    public override string ToString() => Location.ToString();

    /// <summary>Runs <paramref name="work"/> on a pooled connection; database errors become <see cref="TrialStoreException"/>s that name the redacted location.</summary>
    private T Run<T>(Func<NpgsqlConnection, T> work)
    {
        try
        {
            using var connection = _source.OpenConnection();
            return work(connection);
        }
        catch (NpgsqlException e)
        {
            throw Describe(e);
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction, committed when it returns.</summary>
    private T Transaction<T>(Func<NpgsqlConnection, NpgsqlTransaction, T> work) => Run(connection =>
    {
        using var transaction = connection.BeginTransaction();
        var result = work(connection, transaction);
        transaction.Commit();
        return result;
    });

    private TrialStoreException Describe(NpgsqlException e)
    {
        var hint = e switch
        {
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } =>
                " Check the user and password (in the location or PGUSER/PGPASSWORD).",
            PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } => $" Create the database first (createdb {Location.Database}).",
            PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } => " The user needs the right to create tables in the database's schema.",
            { InnerException: SocketException } or { InnerException: TimeoutException } => " Check that the server runs and listens at that host and port.",
            _ => "",
        };
        return new TrialStoreException($"PostgreSQL trial store {Location}: {Location.Scrub(e.Message.TrimEnd('.'))}.{hint}", e);
    }

    /// <summary>Takes the study's advisory lock until the transaction ends (proposals and results of a study happen one at a time).</summary>
    private static void LockStudy(NpgsqlConnection connection, NpgsqlTransaction transaction, string study)
    {
        using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key);", connection, transaction);
        command.Parameters.AddWithValue("key", StudyLockKey(study));
        command.ExecuteNonQuery();
    }

    /// <summary>A 64-bit advisory lock key for a study: the first bytes of a SHA-256 of its name, stable across releases.</summary>
    internal static long StudyLockKey(string study) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("pipelines study " + study)), 0);

    private bool OpenStudy(NpgsqlConnection connection, NpgsqlTransaction transaction, StudySpec spec)
    {
        using (var insert = new NpgsqlCommand(
            $"INSERT INTO studies ({StudyColumns}, created_at) VALUES (@name, @kind, @metric, @higher, @fingerprint, @settings, now()) " +
            "ON CONFLICT (name) DO NOTHING;", connection, transaction))
        {
            var p = insert.Parameters;
            p.AddWithValue("name", spec.Name);
            p.AddWithValue("kind", spec.Kind);
            p.AddWithValue("metric", spec.Metric);
            p.AddWithValue("higher", spec.HigherIsBetter);
            p.AddWithValue("fingerprint", spec.Fingerprint);
            p.AddWithValue("settings", spec.SettingsJson);
            if (insert.ExecuteNonQuery() == 1) return false;
        }
        var stored = FindStudy(connection, transaction, spec.Name)!;
        if (stored.Fingerprint != spec.Fingerprint) throw TrialValues.FingerprintMismatch(stored, spec, Location.ToString());
        return true;
    }

    private static StudySpec? FindStudy(NpgsqlConnection connection, NpgsqlTransaction? transaction, string study)
    {
        using var select = new NpgsqlCommand($"SELECT {StudyColumns} FROM studies WHERE name = @name;", connection, transaction);
        select.Parameters.AddWithValue("name", study);
        return TrialValues.ReadStudies(select).SingleOrDefault();
    }

    /// <summary>Inserts or replaces one trial whole; its queue state is reset (no worker, no heartbeat, no attempts).</summary>
    private void Upsert(NpgsqlConnection connection, NpgsqlTransaction transaction, string study, TrialEntry trial)
    {
        using var upsert = new NpgsqlCommand(
            $"INSERT INTO trials (study, {TrialColumns}, out_of_fold) VALUES " +
            "(@study, @id, @learner, @parameters, @sample, @status, @score, @folds, @seconds, @error, @proposed, @order, @started, @finished, @cost, @oof) " +
            "ON CONFLICT (study, id) DO UPDATE SET learner = EXCLUDED.learner, parameters_json = EXCLUDED.parameters_json, " +
            "sample_size = EXCLUDED.sample_size, status = EXCLUDED.status, score = EXCLUDED.score, fold_scores_json = EXCLUDED.fold_scores_json, " +
            "seconds = EXCLUDED.seconds, error = EXCLUDED.error, proposed_after = EXCLUDED.proposed_after, report_order = EXCLUDED.report_order, " +
            "started_at = EXCLUDED.started_at, finished_at = EXCLUDED.finished_at, reported_cost = EXCLUDED.reported_cost, out_of_fold = EXCLUDED.out_of_fold, " +
            "worker = NULL, heartbeat_at = NULL, attempts = 0;", connection, transaction);
        var p = upsert.Parameters;
        p.AddWithValue("study", study);
        p.AddWithValue("id", trial.Id);
        p.Add(new NpgsqlParameter("learner", NpgsqlDbType.Text) { Value = (object?)trial.Learner ?? DBNull.Value });
        p.AddWithValue("parameters", TrialValues.Parameters(trial.Parameters));
        p.Add(new NpgsqlParameter("sample", NpgsqlDbType.Integer) { Value = (object?)trial.SampleSize ?? DBNull.Value });
        p.AddWithValue("status", trial.Status.ToString());
        p.Add(new NpgsqlParameter("score", NpgsqlDbType.Double) { Value = (object?)trial.Score ?? DBNull.Value });
        p.AddWithValue("folds", TrialValues.FoldScores(trial.FoldScores));
        p.AddWithValue("seconds", trial.Seconds);
        p.Add(new NpgsqlParameter("error", NpgsqlDbType.Text) { Value = (object?)trial.Error ?? DBNull.Value });
        p.AddWithValue("proposed", trial.ProposedAfter);
        p.Add(new NpgsqlParameter("order", NpgsqlDbType.Integer) { Value = (object?)trial.ReportOrder ?? DBNull.Value });
        p.AddWithValue("started", NpgsqlDbType.TimestampTz, trial.StartedAt.ToUniversalTime());
        p.Add(new NpgsqlParameter("finished", NpgsqlDbType.TimestampTz) { Value = (object?)trial.FinishedAt?.ToUniversalTime() ?? DBNull.Value });
        p.Add(new NpgsqlParameter("cost", NpgsqlDbType.Double) { Value = (object?)trial.ReportedCost ?? DBNull.Value });
        p.Add(new NpgsqlParameter("oof", NpgsqlDbType.Bytea) { Value = trial.OutOfFold is { } oof ? TrialValues.PredictionBytes(oof) : DBNull.Value });
        try
        {
            upsert.ExecuteNonQuery();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new TrialStoreException($"Cannot save trial {trial.Id}: study '{study}' is not in trial store {Location}. Call OpenStudy first.", e);
        }
    }

    private List<TrialEntry> Trials(NpgsqlConnection connection, NpgsqlTransaction? transaction, string study, bool withOutOfFold)
    {
        var columns = withOutOfFold ? $"{TrialColumns}, out_of_fold" : TrialColumns;
        using var select = new NpgsqlCommand($"SELECT {columns} FROM trials WHERE study = @study ORDER BY id;", connection, transaction);
        select.Parameters.AddWithValue("study", study);
        using var reader = select.ExecuteReader();
        var trials = new List<TrialEntry>();
        while (reader.Read()) trials.Add(ReadTrial(reader, withOutOfFold));
        return trials;
    }

    /// <summary>One trial from the <see cref="TrialColumns"/> (then out_of_fold at 14 when <paramref name="withOutOfFold"/>).</summary>
    private TrialEntry ReadTrial(NpgsqlDataReader reader, bool withOutOfFold)
    {
        var id = reader.GetInt32(0);
        return new TrialEntry(
            id,
            OptionalText(reader, 1),
            TrialValues.ReadParameters(reader.GetString(2)),
            Optional<int>(reader, 3),
            TrialValues.ReadStatus(reader.GetString(4), id, Location.ToString()),
            Optional<double>(reader, 5),
            TrialValues.ReadFoldScores(reader.GetString(6)),
            reader.GetDouble(7),
            OptionalText(reader, 8),
            reader.GetInt32(9),
            Optional<int>(reader, 10),
            reader.GetFieldValue<DateTimeOffset>(11),
            Optional<DateTimeOffset>(reader, 12))
        {
            ReportedCost = Optional<double>(reader, 13),
            OutOfFold = withOutOfFold && !reader.IsDBNull(14) ? TrialValues.ReadPredictionBytes(reader.GetFieldValue<byte[]>(14)) : null,
        };
    }

    private static T? Optional<T>(NpgsqlDataReader reader, int ordinal) where T : struct =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

    private static string? OptionalText(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
