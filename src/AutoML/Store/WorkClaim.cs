namespace Pipelines.AutoML.Store;

/// <summary>A trial a worker holds: the worker heart-beats it and finishes it with the same claim.</summary>
/// <param name="Study">The study's name.</param>
/// <param name="Trial">The trial as claimed (status running; its parameters say what to evaluate).</param>
/// <param name="Worker">The worker's id.</param>
/// <param name="Attempt">Which attempt at this trial the claim is (1 for the first); a put-back trial is claimed again with the next one.</param>
public sealed record WorkClaim(string Study, TrialEntry Trial, string Worker, int Attempt);

/// <summary>What a claim did: the trial claimed (null when none was queued) and the trials it put back or failed first.</summary>
public sealed record ClaimOutcome(WorkClaim? Claim, IReadOnlyList<ReclaimedTrial> Reclaimed);

/// <summary>A running trial whose worker stopped heart-beating.</summary>
/// <param name="Id">The trial's id.</param>
/// <param name="Worker">The worker that held it.</param>
/// <param name="Attempts">Attempts made so far.</param>
/// <param name="Failed">True when it was marked failed (no attempts left), false when it was put back in the queue.</param>
public sealed record ReclaimedTrial(int Id, string Worker, int Attempts, bool Failed);

/// <summary>A trial with its queue state, for progress reports.</summary>
/// <param name="Trial">The trial.</param>
/// <param name="Worker">The worker that holds it (running) or ran it (finished); null for a queued or in-process trial.</param>
/// <param name="Attempts">Claims of this trial so far (0 while first queued, and for trials of in-process runs).</param>
/// <param name="HeartbeatAt">The last heartbeat while running; null otherwise.</param>
public sealed record WorkItem(TrialEntry Trial, string? Worker, int Attempts, DateTimeOffset? HeartbeatAt);
