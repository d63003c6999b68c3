using System.Diagnostics;

namespace Pipelines.Bench;

/// <summary>Times code at its steady state: one untimed warm-up run (JIT, caches, thread pools), then the best of several.</summary>
internal static class SteadyState
{
    /// <summary>Timed runs after the warm-up; peers written in Python are given the same count.</summary>
    public const int Runs = 3;

    /// <summary>
    /// The same rule as Python, <c>best_seconds(run)</c>, for peers' scripts (prepend it), so both sides warm up and
    /// take the best of <see cref="Runs"/> alike.
    /// </summary>
    public static readonly string PythonCode = $"""
        import time
        def best_seconds(run, runs={Runs}):
            run()
            best = float("inf")
            for _ in range(runs):
                start = time.perf_counter(); run(); best = min(best, time.perf_counter() - start)
            return best
        """;

    /// <summary>Seconds of the fastest of <paramref name="runs"/> timed runs of <paramref name="run"/> after one warm-up run.</summary>
    public static double BestSeconds(Action run, int runs = Runs)
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
