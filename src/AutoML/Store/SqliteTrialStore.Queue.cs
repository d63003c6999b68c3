using Microsoft.Data.Sqlite;

namespace Pipelines.AutoML.Store;

/// <summary>
/// The work queue on SQLite: every queue operation is one immediate transaction, which takes the file's write lock up
/// front, so claims, proposals and results of all processes on the file happen one after another (SQLite's
/// equivalent of row locks and a study lock). Time is this machine's clock, which the processes sharing a file share.
/// </summary>
public sealed partial class SqliteTrialStore
{
    /// <summary>The trial columns, then the attempt count (ordinal 14).</summary>
    private const string ClaimColumns = TrialColumns + ", attempts";

    /// <summary>The clock for heartbeats and claims; tests replace it.</summary>
    internal TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <inheritdoc/>
    public bool CreateStudy(StudySpec spec, IReadOnlyList<TrialEntry> planned)
    {
        ArgumentNullException.ThrowIfNull(spec);
        SharedStoreChecks.Plan(planned);
        return Write(transaction =>
        {
            if (OpenStudy(transaction, spec)) return false;
            foreach (var trial in planned) Upsert(transaction, spec.Name, trial);
            return true;
        });
    }

    /// <inheritdoc/>
    public ClaimOutcome Claim(string study, string worker, RequeuePolicy policy)
    {
        SharedStoreChecks.Names(study, worker);
        ArgumentNullException.ThrowIfNull(policy);
        return Write(transaction =>
        {
            var now = Clock.GetUtcNow();
            var reclaimed = Reclaim(transaction, study, policy, now);
            using var claim = Command(transaction,
                "UPDATE trials SET status = $running, worker = $worker, attempts = attempts + 1, heartbeat_at = $now, started_at = $now " +
                "WHERE study = $study AND id = (SELECT id FROM trials WHERE study = $study AND status = $queued ORDER BY id LIMIT 1) " +
                $"RETURNING {ClaimColumns};");
            Bind(claim, study, now, worker);
            claim.Parameters.AddWithValue("$queued", nameof(TrialStatus.Queued));
            return new ClaimOutcome(ReadClaim(claim, study, worker), reclaimed);
        });
    }

    /// <inheritdoc/>
    public WorkClaim? ProposeAndClaim(string study, string worker, Func<IReadOnlyList<TrialEntry>, TrialEntry?> propose)
    {
        SharedStoreChecks.Names(study, worker);
        ArgumentNullException.ThrowIfNull(propose);
        return Write(transaction =>
        {
            var trials = Trials(transaction, study, withOutOfFold: false);
            if (propose(trials) is not { } proposed) return null;
            if (trials.Any(t => t.Id == proposed.Id)) throw SharedStoreChecks.Duplicate(study, proposed.Id);
            var now = Clock.GetUtcNow();
            Upsert(transaction, study, proposed with { Status = TrialStatus.Running, StartedAt = now });
            using var claim = Command(transaction,
                "UPDATE trials SET worker = $worker, attempts = 1, heartbeat_at = $now WHERE study = $study AND id = $id AND status = $running " +
                $"RETURNING {ClaimColumns};");
            Bind(claim, study, now, worker);
            claim.Parameters.AddWithValue("$id", proposed.Id);
            return ReadClaim(claim, study, worker);
        });
    }

    /// <inheritdoc/>
    public bool Heartbeat(WorkClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return Write(transaction =>
        {
            using var beat = Command(transaction, $"UPDATE trials SET heartbeat_at = $now WHERE {Held};");
            Bind(beat, claim, Clock.GetUtcNow());
            return beat.ExecuteNonQuery() == 1;
        });
    }

    /// <inheritdoc/>
    public bool Finish(WorkClaim claim, TrialEntry result)
    {
        ArgumentNullException.ThrowIfNull(claim);
        SharedStoreChecks.Result(claim, result);
        return Write(transaction =>
        {
            using (var held = Command(transaction, $"SELECT COUNT(*) FROM trials WHERE {Held};"))
            {
                Bind(held, claim, Clock.GetUtcNow());
                if ((long)held.ExecuteScalar()! == 0) return false;
            }
            Upsert(transaction, claim.Study, result with { ReportOrder = NextReportOrder(transaction, claim.Study), FinishedAt = result.FinishedAt ?? Clock.GetUtcNow() });
            using var owner = Command(transaction, "UPDATE trials SET worker = $worker, attempts = $attempt WHERE study = $study AND id = $id;");
            Bind(owner, claim, Clock.GetUtcNow());
            owner.ExecuteNonQuery();
            return true;
        });
    }

    /// <inheritdoc/>
    public bool Release(WorkClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return Write(transaction =>
        {
            using var release = Command(transaction,
                $"UPDATE trials SET status = $queued, worker = NULL, heartbeat_at = NULL, attempts = attempts - 1 WHERE {Held};");
            Bind(release, claim, Clock.GetUtcNow());
            release.Parameters.AddWithValue("$queued", nameof(TrialStatus.Queued));
            return release.ExecuteNonQuery() == 1;
        });
    }

    /// <inheritdoc/>
    public IReadOnlyList<WorkItem> WorkItems(string study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return Read(() =>
        {
            using var select = Command(null, $"SELECT {ClaimColumns}, worker, heartbeat_at FROM trials WHERE study = $study ORDER BY id;");
            select.Parameters.AddWithValue("$study", study);
            using var reader = select.ExecuteReader();
            var items = new List<WorkItem>();
            while (reader.Read())
            {
                items.Add(new WorkItem(ReadTrial(reader, withOutOfFold: false), SqliteValues.ReadOptionalString(reader, 15),
                    reader.GetInt32(14), SqliteValues.ReadOptionalTimestamp(reader, 16)));
            }
            return items;
        });
    }

    /// <summary>The condition that the claim's worker still holds its trial (this attempt, still running).</summary>
    private const string Held = "study = $study AND id = $id AND worker = $worker AND attempts = $attempt AND status = $running";

    /// <summary>Puts back or fails the running trials of <paramref name="study"/> whose last heartbeat is older than the grace period.</summary>
    private List<ReclaimedTrial> Reclaim(SqliteTransaction transaction, string study, RequeuePolicy policy, DateTimeOffset now)
    {
        var stale = new List<ReclaimedTrial>();
        using (var select = Command(transaction,
            "SELECT id, worker, attempts FROM trials WHERE study = $study AND status = $running AND heartbeat_at IS NOT NULL AND heartbeat_at < $cutoff ORDER BY id;"))
        {
            select.Parameters.AddWithValue("$study", study);
            select.Parameters.AddWithValue("$running", nameof(TrialStatus.Running));
            select.Parameters.AddWithValue("$cutoff", SqliteValues.Timestamp(now - policy.Grace));
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                var attempts = reader.GetInt32(2);
                stale.Add(new ReclaimedTrial(reader.GetInt32(0), SqliteValues.ReadOptionalString(reader, 1) ?? "?", attempts, attempts >= policy.MaxAttempts));
            }
        }
        foreach (var trial in stale)
        {
            using var update = trial.Failed
                ? Command(transaction,
                    "UPDATE trials SET status = $failed, error = $error, report_order = $order, finished_at = $now, heartbeat_at = NULL WHERE study = $study AND id = $id;")
                : Command(transaction, "UPDATE trials SET status = $queued, worker = NULL, heartbeat_at = NULL WHERE study = $study AND id = $id;");
            var p = update.Parameters;
            p.AddWithValue("$study", study);
            p.AddWithValue("$id", trial.Id);
            if (trial.Failed)
            {
                p.AddWithValue("$failed", nameof(TrialStatus.Failed));
                p.AddWithValue("$error", policy.ExhaustedError(trial.Worker, trial.Attempts));
                p.AddWithValue("$order", NextReportOrder(transaction, study));
                p.AddWithValue("$now", SqliteValues.Timestamp(now));
            }
            else
            {
                p.AddWithValue("$queued", nameof(TrialStatus.Queued));
            }
            update.ExecuteNonQuery();
        }
        return stale;
    }

    /// <summary>The report order the study's next finished trial gets: one past the largest so far.</summary>
    private int NextReportOrder(SqliteTransaction transaction, string study)
    {
        using var select = Command(transaction, "SELECT COALESCE(MAX(report_order) + 1, 0) FROM trials WHERE study = $study;");
        select.Parameters.AddWithValue("$study", study);
        return checked((int)(long)select.ExecuteScalar()!);
    }

    private WorkClaim? ReadClaim(SqliteCommand claim, string study, string worker)
    {
        using var reader = claim.ExecuteReader();
        return reader.Read() ? new WorkClaim(study, ReadTrial(reader, withOutOfFold: false), worker, reader.GetInt32(14)) : null;
    }

    private static void Bind(SqliteCommand command, string study, DateTimeOffset now, string worker)
    {
        command.Parameters.AddWithValue("$study", study);
        command.Parameters.AddWithValue("$now", SqliteValues.Timestamp(now));
        command.Parameters.AddWithValue("$worker", worker);
        command.Parameters.AddWithValue("$running", nameof(TrialStatus.Running));
    }

    private static void Bind(SqliteCommand command, WorkClaim claim, DateTimeOffset now)
    {
        Bind(command, claim.Study, now, claim.Worker);
        command.Parameters.AddWithValue("$id", claim.Trial.Id);
        command.Parameters.AddWithValue("$attempt", claim.Attempt);
    }
}
