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
}
