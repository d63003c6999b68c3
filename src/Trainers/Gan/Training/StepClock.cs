using System.Diagnostics;

namespace Pipelines.Trainers.Gan.Training;

/// <summary>
/// Wall-clock time per <see cref="StepPhase"/>, for profiling a step (the gan-step bench passes one to the internal
/// <see cref="CtganTrainer"/>.Fit; training passes none). The trainer calls <see cref="Start"/> at the start of each step and
/// <see cref="Lap"/> at the end of each phase, which charges the time since the previous call to that phase. Timing
/// changes nothing the trainer computes or draws.
/// </summary>
internal sealed class StepClock
{
    private readonly long[] ticks = new long[Enum.GetValues<StepPhase>().Length];
    private long last;

    /// <summary>Seconds charged to <paramref name="phase"/> so far.</summary>
    public double Seconds(StepPhase phase) => ticks[(int)phase] / (double)Stopwatch.Frequency;

    public void Start() => last = Stopwatch.GetTimestamp();

    public void Lap(StepPhase phase)
    {
        var now = Stopwatch.GetTimestamp();
        ticks[(int)phase] += now - last;
        last = now;
    }
}
