namespace Pipelines.AutoML.Store;

/// <summary>Where a trial stands. Only <see cref="Succeeded"/> trials have a score and rank on the leaderboard.</summary>
public enum TrialStatus
{
    /// <summary>Started and not finished (or its process died; a resumed experiment runs it again).</summary>
    Running,
    Succeeded,
    /// <summary>Threw, hit the per-trial time limit or the memory limit; <see cref="TrialEntry.Error"/> says which.</summary>
    Failed,
    /// <summary>Stopped by the end of the budget or Ctrl-C before its folds finished.</summary>
    Cancelled,
    /// <summary>
    /// Planned and waiting for a worker to claim it (a study run by <c>pipelines sweep worker</c>); also a trial put back
    /// because its worker stopped heart-beating. Not started, so it has no result.
    /// </summary>
    Queued,
}
