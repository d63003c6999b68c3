using Npgsql;

namespace Pipelines.AutoML.Store;

/// <summary>
/// The work queue on PostgreSQL. A claim takes the lowest queued trial with <c>FOR UPDATE SKIP LOCKED</c>, so workers
/// claiming at once each get a different trial without waiting for one another. Proposals and results take the
/// study's advisory lock (<c>pg_advisory_xact_lock</c>) for their transaction, so report orders stay dense and two
/// workers never propose the same trial id. Lock order is always the study lock first, then rows, so no two
/// transactions wait on each other in a circle.
/// </summary>
public sealed partial class PostgresTrialStore
{
    /// <summary>The trial columns, then the attempt count (ordinal 14).</summary>
    private const string ClaimColumns = TrialColumns + ", attempts";

    /// <summary>The condition that the claim's worker still holds its trial (this attempt, still running).</summary>
    private const string Held = "study = @study AND id = @id AND worker = @worker AND attempts = @attempt AND status = @running";

    /// <summary>Running trials of the study whose last heartbeat is older than the grace period.</summary>
    private const string Stale = "study = @study AND status = @running AND heartbeat_at < now() - make_interval(secs => @grace)";

    /// <inheritdoc/>
    public bool CreateStudy(StudySpec spec, IReadOnlyList<TrialEntry> planned)
    {
        ArgumentNullException.ThrowIfNull(spec);
        SharedStoreChecks.Plan(planned);
        return Transaction((connection, transaction) =>
        {
            if (OpenStudy(connection, transaction, spec)) return false;
            foreach (var trial in planned) Upsert(connection, transaction, spec.Name, trial);
            return true;
        });
    }

    /// <inheritdoc/>
    public ClaimOutcome Claim(string study, string worker, RequeuePolicy policy)
    {
        SharedStoreChecks.Names(study, worker);
        ArgumentNullException.ThrowIfNull(policy);
        return Transaction((connection, transaction) =>
        {
            var reclaimed = Reclaim(connection, transaction, study, policy);
            using var claim = new NpgsqlCommand(
                "UPDATE trials SET status = @running, worker = @worker, attempts = attempts + 1, heartbeat_at = now(), started_at = now() " +
                "WHERE study = @study AND id = (SELECT id FROM trials WHERE study = @study AND status = @queued ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1) " +
                $"RETURNING {ClaimColumns};", connection, transaction);
            Bind(claim, study, worker);
            claim.Parameters.AddWithValue("queued", nameof(TrialStatus.Queued));
            return new ClaimOutcome(ReadClaim(claim, study, worker), reclaimed);
        });
    }

    /// <inheritdoc/>
    public WorkClaim? ProposeAndClaim(string study, string worker, Func<IReadOnlyList<TrialEntry>, TrialEntry?> propose)
    {
        SharedStoreChecks.Names(study, worker);
        ArgumentNullException.ThrowIfNull(propose);
        return Transaction((connection, transaction) =>
        {
            LockStudy(connection, transaction, study);
            var trials = Trials(connection, transaction, study, withOutOfFold: false);
            if (propose(trials) is not { } proposed) return null;
            if (trials.Any(t => t.Id == proposed.Id)) throw SharedStoreChecks.Duplicate(study, proposed.Id);
            Upsert(connection, transaction, study, proposed with { Status = TrialStatus.Running });
            using var claim = new NpgsqlCommand(
                "UPDATE trials SET worker = @worker, attempts = 1, heartbeat_at = now(), started_at = now() WHERE study = @study AND id = @id AND status = @running " +
                $"RETURNING {ClaimColumns};", connection, transaction);
            Bind(claim, study, worker);
            claim.Parameters.AddWithValue("id", proposed.Id);
            return ReadClaim(claim, study, worker);
        });
    }

    /// <inheritdoc/>
    public bool Heartbeat(WorkClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return Run(connection =>
        {
            using var beat = new NpgsqlCommand($"UPDATE trials SET heartbeat_at = now() WHERE {Held};", connection);
            Bind(beat, claim);
            return beat.ExecuteNonQuery() == 1;
        });
    }

    /// <inheritdoc/>
    public bool Finish(WorkClaim claim, TrialEntry result)
    {
        ArgumentNullException.ThrowIfNull(claim);
        SharedStoreChecks.Result(claim, result);
        return Transaction((connection, transaction) =>
        {
            LockStudy(connection, transaction, claim.Study);
            using (var held = new NpgsqlCommand($"SELECT id FROM trials WHERE {Held} FOR UPDATE;", connection, transaction))
            {
                Bind(held, claim);
                if (held.ExecuteScalar() is null) return false;
            }
            var order = NextReportOrder(connection, transaction, claim.Study);
            Upsert(connection, transaction, claim.Study, result with { ReportOrder = order, FinishedAt = result.FinishedAt ?? DateTimeOffset.UtcNow });
            using var owner = new NpgsqlCommand("UPDATE trials SET worker = @worker, attempts = @attempt WHERE study = @study AND id = @id;", connection, transaction);
            Bind(owner, claim);
            owner.ExecuteNonQuery();
            return true;
        });
    }

    /// <inheritdoc/>
    public bool Release(WorkClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return Run(connection =>
        {
            using var release = new NpgsqlCommand(
                $"UPDATE trials SET status = @queued, worker = NULL, heartbeat_at = NULL, attempts = attempts - 1 WHERE {Held};", connection);
            Bind(release, claim);
            release.Parameters.AddWithValue("queued", nameof(TrialStatus.Queued));
            return release.ExecuteNonQuery() == 1;
        });
    }

    /// <inheritdoc/>
    public IReadOnlyList<WorkItem> WorkItems(string study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return Run(connection =>
        {
            using var select = new NpgsqlCommand($"SELECT {ClaimColumns}, worker, heartbeat_at FROM trials WHERE study = @study ORDER BY id;", connection);
            select.Parameters.AddWithValue("study", study);
            using var reader = select.ExecuteReader();
            var items = new List<WorkItem>();
            while (reader.Read())
                items.Add(new WorkItem(ReadTrial(reader, withOutOfFold: false), OptionalText(reader, 15), reader.GetInt32(14), Optional<DateTimeOffset>(reader, 16)));
            return items;
        });
    }

    /// <summary>
    /// Puts back or fails the study's stale running trials. A plain read first, so the usual claim (nothing stale)
    /// takes no study lock; when there are some, the study lock comes before the row locks, as everywhere else.
    /// </summary>
    private static List<ReclaimedTrial> Reclaim(NpgsqlConnection connection, NpgsqlTransaction transaction, string study, RequeuePolicy policy)
    {
        using (var any = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM trials WHERE {Stale});", connection, transaction))
        {
            BindStale(any, study, policy);
            if (!(bool)any.ExecuteScalar()!) return [];
        }
        LockStudy(connection, transaction, study);
        var stale = new List<ReclaimedTrial>();
        using (var select = new NpgsqlCommand($"SELECT id, worker, attempts FROM trials WHERE {Stale} ORDER BY id FOR UPDATE;", connection, transaction))
        {
            BindStale(select, study, policy);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                var attempts = reader.GetInt32(2);
                stale.Add(new ReclaimedTrial(reader.GetInt32(0), OptionalText(reader, 1) ?? "?", attempts, attempts >= policy.MaxAttempts));
            }
        }
        foreach (var trial in stale)
        {
            using var update = trial.Failed
                ? new NpgsqlCommand(
                    "UPDATE trials SET status = @status, error = @error, report_order = @order, finished_at = now(), heartbeat_at = NULL WHERE study = @study AND id = @id;",
                    connection, transaction)
                : new NpgsqlCommand("UPDATE trials SET status = @status, worker = NULL, heartbeat_at = NULL WHERE study = @study AND id = @id;", connection, transaction);
            var p = update.Parameters;
            p.AddWithValue("study", study);
            p.AddWithValue("id", trial.Id);
            p.AddWithValue("status", trial.Failed ? nameof(TrialStatus.Failed) : nameof(TrialStatus.Queued));
            if (trial.Failed)
            {
                p.AddWithValue("error", policy.ExhaustedError(trial.Worker, trial.Attempts));
                p.AddWithValue("order", NextReportOrder(connection, transaction, study));
            }
            update.ExecuteNonQuery();
        }
        return stale;
    }

    /// <summary>The report order the study's next finished trial gets (the caller holds the study lock).</summary>
    private static int NextReportOrder(NpgsqlConnection connection, NpgsqlTransaction transaction, string study)
    {
        using var select = new NpgsqlCommand("SELECT COALESCE(MAX(report_order) + 1, 0) FROM trials WHERE study = @study;", connection, transaction);
        select.Parameters.AddWithValue("study", study);
        return (int)select.ExecuteScalar()!;
    }

    private WorkClaim? ReadClaim(NpgsqlCommand claim, string study, string worker)
    {
        using var reader = claim.ExecuteReader();
        return reader.Read() ? new WorkClaim(study, ReadTrial(reader, withOutOfFold: false), worker, reader.GetInt32(14)) : null;
    }

    private static void BindStale(NpgsqlCommand command, string study, RequeuePolicy policy)
    {
        command.Parameters.AddWithValue("study", study);
        command.Parameters.AddWithValue("running", nameof(TrialStatus.Running));
        command.Parameters.AddWithValue("grace", policy.Grace.TotalSeconds);
    }

    private static void Bind(NpgsqlCommand command, string study, string worker)
    {
        command.Parameters.AddWithValue("study", study);
        command.Parameters.AddWithValue("worker", worker);
        command.Parameters.AddWithValue("running", nameof(TrialStatus.Running));
    }

    private static void Bind(NpgsqlCommand command, WorkClaim claim)
    {
        Bind(command, claim.Study, claim.Worker);
        command.Parameters.AddWithValue("id", claim.Trial.Id);
        command.Parameters.AddWithValue("attempt", claim.Attempt);
    }
}
