using System.Diagnostics;

namespace Pipelines.AutoML.Job;

/// <summary>Seconds each phase of the job took, in order: each mark closes the phase that began at the previous one.</summary>
internal sealed class PhaseLog(Stopwatch clock)
{
    private readonly List<KeyValuePair<string, double>> _phases = [];
    private TimeSpan _last = clock.Elapsed;

    /// <summary>Closes phase <paramref name="name"/> now and returns its seconds.</summary>
    public double Mark(string name)
    {
        var now = clock.Elapsed;
        var seconds = (now - _last).TotalSeconds;
        _phases.Add(new(name, seconds));
        _last = now;
        return seconds;
    }

    /// <summary>The phases so far, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Seconds => [.. _phases];
}
