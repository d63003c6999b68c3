using System.Diagnostics;
using Pipelines.Export.Runtime;

namespace Pipelines.Export.Tests.Runtime;

[TestClass]
[DoNotParallelize] // counts process-wide handles and memory
public sealed class LeakTests
{
    [TestMethod]
    public void Ten_thousand_runs_keep_handles_and_memory_flat()
    {
        var strings = Enumerable.Range(0, 16).Select(i => i % 3 == 0 ? "a" : $"value-{i}").ToArray();
        var x = Enumerable.Range(0, 8 * 3).Select(i => i * 0.1f).ToArray();
        var before = OrtHandle.LiveCount;
        using (var linear = new InferenceSession(TestModels.PathOf(TestModels.Linear)))
        using (var text = new InferenceSession(TestModels.PathOf(TestModels.Strings)))
        {
            var open = OrtHandle.LiveCount;
            void RunBoth()
            {
                linear.Run([NamedTensor.FromFloats("X", x, 8, 3)]);
                text.Run([NamedTensor.FromStrings("S", strings)]);
            }
            // ORT's arenas and the GC's budgets settle during the first few thousand runs.
            for (var i = 0; i < 3_000; i++) RunBoth();
            Settle();
            var warm = Process.GetCurrentProcess().PrivateMemorySize64;
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < 10_000; i++) RunBoth();
            Settle();
            var after = Process.GetCurrentProcess().PrivateMemorySize64;

            Assert.AreEqual(open, OrtHandle.LiveCount, "every input and output value of a run is released");
            // Measured: flat to within ~1 MB once warm. 20,000 runs that leaked an output value (with its shape and
            // data, a few hundred bytes) would grow by well over 4 MB.
            Assert.IsLessThan(4L * 1024 * 1024, after - warm,
                $"private memory grew from {warm / 1024} KiB to {after / 1024} KiB over 20,000 runs ({watch.ElapsedMilliseconds} ms)");
        }
        Assert.AreEqual(before, OrtHandle.LiveCount, "disposing the sessions releases them");
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
