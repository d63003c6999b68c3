using Pipelines.AutoML.SearchSpace;

namespace Pipelines.AutoML.Tuners;

/// <summary>
/// One configuration to evaluate, as proposed by an <see cref="ITuner"/>: its id (unique within the tuner), the point
/// in the tuner's unit cube and the decoded parameters. Report it back with the loss it got.
/// </summary>
/// <param name="Id">Unique within the tuner that proposed it, counting from 0.</param>
/// <param name="Point">The unit point in the tuner's space (do not change it).</param>
/// <param name="Parameters">The decoded parameters to build the pipeline from.</param>
public sealed record Trial(int Id, IReadOnlyList<double> Point, Parameters Parameters)
{
    /// <summary>The learner this trial belongs to, for tuners that pick learners (<see cref="EciTuner"/>); else null.</summary>
    public string? Learner { get; init; }

    /// <summary>Training rows to use (FLAML's sample-size growth, <see cref="SampleSizeSchedule"/>); null for all.</summary>
    public int? SampleSize { get; init; }
}
