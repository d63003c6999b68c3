using System.Runtime;

namespace Pipelines.AutoML.Experiments;

/// <summary>
/// Gives the garbage of a finished fit or phase back to the system before the next one allocates. Columns live on the
/// large object heap, which a collection does not compact by default, and a forced collection keeps the freed memory
/// resident for the heap's reuse; an aggressive one decommits it. Without this, the next allocation (another fit's
/// columns, or native memory of ONNX Runtime the heap cannot reuse) comes on top, and the process's peak is the sum.
/// </summary>
internal static class HeapRelease
{
    /// <summary>A blocking, compacting, aggressive collection of every generation and the large object heap.</summary>
    public static void Collect()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
