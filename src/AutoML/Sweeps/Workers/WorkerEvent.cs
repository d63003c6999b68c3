using System.Text.Json.Nodes;
using Pipelines.AutoML.Store;

namespace Pipelines.AutoML.Sweeps.Workers;

/// <summary>Something a worker did, for progress lines; <see cref="Elapsed"/> is the time since it started.</summary>
public abstract record WorkerEvent(TimeSpan Elapsed);

/// <summary>The worker took trial <paramref name="Trial"/> from the queue, or proposed it (<paramref name="Proposed"/>).</summary>
public sealed record TrialClaimed(int Trial, int Attempt, bool Proposed, string? Learner, JsonObject Parameters, TimeSpan Elapsed) : WorkerEvent(Elapsed);

/// <summary>The worker's trial ended; <paramref name="Recorded"/> is false when it had lost the claim and its result was dropped.</summary>
public sealed record TrialDone(TrialEntry Trial, bool Recorded, TimeSpan Elapsed) : WorkerEvent(Elapsed);

/// <summary>The worker stopped (Ctrl-C) during trial <paramref name="Trial"/> and put it back in the queue.</summary>
public sealed record TrialReleased(int Trial, TimeSpan Elapsed) : WorkerEvent(Elapsed);

/// <summary>A claim found another worker's trial without a heartbeat and put it back (or failed it: no attempts left).</summary>
public sealed record TrialReclaimed(ReclaimedTrial Trial, int MaxAttempts, TimeSpan Elapsed) : WorkerEvent(Elapsed);

/// <summary>Nothing to claim or propose while <paramref name="Running"/> trials run elsewhere: the worker waits, in case one is put back.</summary>
public sealed record WorkerWaiting(int Running, TimeSpan Elapsed) : WorkerEvent(Elapsed);
