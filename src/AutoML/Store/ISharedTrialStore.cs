namespace Pipelines.AutoML.Store;

/// <summary>
/// A trial store that hands trials out to workers, so one study can be run by many processes on many hosts (as
/// Optuna's RDB storage does). Trials are claimed atomically (no trial is run by two workers at once), a worker
/// heart-beats while it runs one, and its result is written in one transaction only while it still holds the claim.
/// A trial whose worker stopped heart-beating for the grace period is put back in the queue by the next claim, or
/// marked failed after the allowed attempts. Safe to call from several threads and processes.
/// </summary>
public interface ISharedTrialStore : ITrialStore
{
    /// <summary>
    /// Creates study <paramref name="spec"/>.Name with <paramref name="planned"/> (ids 0, 1, ... in order) queued, in
    /// one transaction. When the study exists with the same fingerprint nothing changes and false is returned; with
    /// another fingerprint it throws <see cref="TrialStoreException"/>.
    /// </summary>
    /// <returns>True when the study was created now.</returns>
    bool CreateStudy(StudySpec spec, IReadOnlyList<TrialEntry> planned);

    /// <summary>
    /// First puts back (or fails, after <paramref name="policy"/>.MaxAttempts) the trials whose worker stopped
    /// heart-beating, then claims the queued trial with the lowest id for <paramref name="worker"/>.
    /// </summary>
    ClaimOutcome Claim(string study, string worker, RequeuePolicy policy);

    /// <summary>
    /// Holding the study's lock (so two workers never propose at once), passes every trial of the study to
    /// <paramref name="propose"/>; the entry it returns (a new id) is inserted as running, claimed by
    /// <paramref name="worker"/>. Null when <paramref name="propose"/> returns null (nothing left to propose).
    /// </summary>
    WorkClaim? ProposeAndClaim(string study, string worker, Func<IReadOnlyList<TrialEntry>, TrialEntry?> propose);

    /// <summary>Marks <paramref name="claim"/> alive now; false when the worker no longer holds it (it was put back or finished by another).</summary>
    bool Heartbeat(WorkClaim claim);

    /// <summary>
    /// Writes <paramref name="result"/> (succeeded or failed) for the claimed trial and gives it the study's next report
    /// order, in one transaction, when the worker still holds the claim; otherwise writes nothing and returns false.
    /// </summary>
    bool Finish(WorkClaim claim, TrialEntry result);

    /// <summary>Puts a claimed trial back in the queue without counting the attempt (a worker stopping on Ctrl-C); false when it no longer held it.</summary>
    bool Release(WorkClaim claim);

    /// <summary>Every trial of <paramref name="study"/> with its queue state, by id (no out-of-fold predictions).</summary>
    IReadOnlyList<WorkItem> WorkItems(string study);
}
