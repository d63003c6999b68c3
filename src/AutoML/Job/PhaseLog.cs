using System.Diagnostics;

namespace Pipelines.AutoML.Job;

/// <summary>
/// Seconds each phase of the job took, in order: each mark closes the phase that began at the previous one. Each mark
/// also reads the process's peak resident memory so far, so the phase that raised the peak shows in metrics.json.
/// </summary>
internal sealed class PhaseLog(Stopwatch clock)
{
    private readonly List<(string Name, double Seconds, long PeakResidentBytes)> _phases = [];
    private TimeSpan _last = clock.Elapsed;

    /// <summary>Closes phase <paramref name="name"/> now and returns its seconds.</summary>
    public double Mark(string name)
    {
        var now = clock.Elapsed;
        var seconds = (now - _last).TotalSeconds;
        // Linux's VmHWM is the larger of a high-water mark the kernel updates only now and then and the resident set
        // now, so a later read can be lower than an earlier one; the peak so far is the largest read.
        var peak = Math.Max(PeakResidentBytes(), _phases.Count == 0 ? 0 : _phases[^1].PeakResidentBytes);
        _phases.Add((name, seconds, peak));
        _last = now;
        return seconds;
    }

    /// <summary>The phases so far, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Seconds => [.. _phases.Select(p => KeyValuePair.Create(p.Name, p.Seconds))];

    /// <summary>The process's peak resident bytes at the end of each phase so far (it never falls: a rise marks the phase that raised it).</summary>
    public IReadOnlyList<KeyValuePair<string, long>> PeakResidentBytesByPhase => [.. _phases.Select(p => KeyValuePair.Create(p.Name, p.PeakResidentBytes))];

    /// <summary>The process's peak resident set (VmHWM on Linux, the peak working set elsewhere).</summary>
    private static long PeakResidentBytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
