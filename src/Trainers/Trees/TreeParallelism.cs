using Pipelines.Core;

namespace Pipelines.Trainers.Trees;

/// <summary>
/// The <see cref="ParallelOptions"/> every tree learner's loops share: at most <see cref="TrainingContext.Threads"/>
/// threads, and the ambient cancellation token, so cancelling a trial also stops the Parallel loops (binning,
/// histograms, trees of a forest) between iterations.
/// </summary>
internal static class TreeParallelism
{
    /// <summary>Options for a fit whose thread option is <paramref name="requested"/> (null: the context decides).</summary>
    public static ParallelOptions ForTraining(int? requested) => new()
    {
        MaxDegreeOfParallelism = TrainingContext.Threads(requested),
        CancellationToken = TrainingContext.Cancellation,
    };

    /// <summary>Options for prediction: the context's thread cap, so a trial scoring its validation rows stays within its share.</summary>
    public static ParallelOptions ForPrediction() => new() { MaxDegreeOfParallelism = TrainingContext.MaxThreads };

    /// <summary>How many threads a loop under <paramref name="parallel"/> may use (no cap: every core).</summary>
    public static int Threads(ParallelOptions parallel) =>
        parallel.MaxDegreeOfParallelism > 0 ? parallel.MaxDegreeOfParallelism : Environment.ProcessorCount;

    /// <summary>Where chunk <paramref name="chunk"/> of [0, <paramref name="count"/>) cut into <paramref name="chunks"/> near-equal parts starts.</summary>
    public static int ChunkStart(int count, int chunk, int chunks) => (int)((long)count * chunk / chunks);
}
