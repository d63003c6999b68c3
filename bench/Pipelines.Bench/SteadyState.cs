using System.Diagnostics;

namespace Pipelines.Bench;

/// <summary>Times code at its steady state: one untimed warm-up run (JIT, caches, thread pools), then the best of several.</summary>
internal static class SteadyState
{
    /// <summary>Seconds of the fastest of <paramref name="runs"/> timed runs of <paramref name="run"/> after one warm-up run.</summary>
    public static double BestSeconds(Action run, int runs = 3)
    {
        run();
        var best = double.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            run();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        return best;
    }
}
