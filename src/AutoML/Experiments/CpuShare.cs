using System.Diagnostics;
using System.Globalization;

namespace Pipelines.AutoML.Experiments;

/// <summary>
/// The cores this process has to itself: the processor count less the cores other processes kept busy since the
/// previous reading, measured from the machine's CPU time (Linux <c>/proc/stat</c>) less this process's own. A refit
/// takes its thread count from here because LightGBM's OpenMP threads spin while they wait for each other: with
/// another process on one of two cores, a two-thread fit waits on the thread that shares its core at every parallel
/// region, and ran several times slower than alone on the machine; one thread has no region to wait on. Without
/// <c>/proc/stat</c>, or where it counts other cores than the process may use (a container's CPU quota), every core
/// counts as free.
/// </summary>
internal sealed class CpuShare
{
    /// <summary>Cores of other processes' work from which one core counts as taken.</summary>
    public const double TakenCore = 0.5;

    private const string StatPath = "/proc/stat";

    // USER_HZ, the unit of /proc/stat: 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    private const double MinWindowSeconds = 1;

    private Reading? _last;
    private int _free = Environment.ProcessorCount;

    private CpuShare() => _last = Read();

    /// <summary>
    /// Starts measuring now; null for a reproducible run, whose refits keep every core whatever the load: LightGBM's
    /// sums, and so its model, depend on its thread count.
    /// </summary>
    public static CpuShare? Start(bool reproducible) => reproducible ? null : new();

    /// <summary>
    /// The cores free for this process over the time since the window began (at <see cref="Start"/>, then at the last
    /// call that ended one): at least one, at most <see cref="Environment.ProcessorCount"/>. A window shorter than a
    /// second stays open and the last answer stands.
    /// </summary>
    public int FreeCores()
    {
        var now = Read();
        if (now is null || _last is not { } last) return Environment.ProcessorCount;
        // CPU times come in ticks of 10 ms: over a shorter window their rounding alone would look like load.
        if (now.Value.WallSeconds - last.WallSeconds < MinWindowSeconds) return _free;
        _last = now;
        _free = Free(Environment.ProcessorCount, now.Value.MachineBusySeconds - last.MachineBusySeconds,
            now.Value.OwnSeconds - last.OwnSeconds, now.Value.WallSeconds - last.WallSeconds);
        return _free;
    }

    /// <summary>
    /// The free cores of <paramref name="cores"/> when the machine was busy for <paramref name="machineBusy"/> CPU
    /// seconds over <paramref name="wall"/> seconds, <paramref name="own"/> of them this process's.
    /// </summary>
    internal static int Free(int cores, double machineBusy, double own, double wall)
    {
        if (wall <= 0) return cores;
        var others = Math.Max(0, machineBusy - own) / wall;
        var taken = others < TakenCore ? 0 : (int)Math.Floor(others - TakenCore) + 1;
        return Math.Clamp(cores - taken, 1, cores);
    }

    /// <summary>Reads <c>/proc/stat</c>'s busy time of all cores and this process's CPU time; null where that cannot be read or counts other cores.</summary>
    private static Reading? Read()
    {
        try
        {
            if (!File.Exists(StatPath) || BusySeconds(File.ReadAllText(StatPath), Environment.ProcessorCount) is not { } busy) return null;
            using var self = Process.GetCurrentProcess();
            return new Reading(busy, self.TotalProcessorTime.TotalSeconds, Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The machine's busy CPU seconds in a <c>/proc/stat</c> text, or null where it is not one or counts other cores
    /// than the <paramref name="processorCount"/> this process may use.
    /// </summary>
    internal static double? BusySeconds(string stat, int processorCount)
    {
        var lines = stat.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var cores = lines.Count(l => l.Length > 3 && l.StartsWith("cpu", StringComparison.Ordinal) && char.IsAsciiDigit(l[3]));
        if (cores != processorCount || lines.Length == 0 || !lines[0].StartsWith("cpu ", StringComparison.Ordinal)) return null;
        // user nice system idle iowait irq softirq steal: idle and iowait are free time; steal is a neighbour's, so busy.
        var ticks = new double[8];
        var fields = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 6) return null;
        for (var i = 0; i < ticks.Length && i + 1 < fields.Length; i++)
            if (!double.TryParse(fields[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out ticks[i])) return null;
        return (ticks.Sum() - ticks[3] - ticks[4]) / TicksPerSecond;
    }

    private readonly record struct Reading(double MachineBusySeconds, double OwnSeconds, double WallSeconds);
}
