namespace Pipelines.AutoML.Tests.Store;

/// <summary>A clock that moves only when told, so heartbeat timeouts are tested without waiting.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
