using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Tuners;

namespace Pipelines.AutoML.Experiments;

/// <summary>The tuner of a <see cref="TunerKind"/> over a space: one construction for in-process experiments and sweep workers.</summary>
internal static class TunerFactory
{
    /// <param name="kind">Which tuner.</param>
    /// <param name="space">The space to search.</param>
    /// <param name="seed">Seeds the tuner.</param>
    /// <param name="gridPoints">Values per numeric range for a grid.</param>
    /// <param name="learners">The learners' relative costs, for ECI (required there).</param>
    /// <param name="totalRows">Training rows, for ECI's sample-size growth.</param>
    /// <param name="libraryDefaults">Per learner, its library-defaults trial (<see cref="SearchSpaceCatalog.LibraryDefaultTrials"/>), which ECI evaluates after the learner's low-cost start.</param>
    public static ITuner Create(TunerKind kind, ParameterSpace space, int seed, int gridPoints, IReadOnlyList<ILearnerSpace>? learners = null, int? totalRows = null,
        IReadOnlyDictionary<string, Parameters>? libraryDefaults = null) => kind switch
    {
        TunerKind.Eci => new EciTuner(space, (learners ?? throw new ArgumentNullException(nameof(learners), "ECI needs the learners' costs.")).ToDictionary(l => l.Name, l => l.RelativeCost),
            seed, SearchSpaceCatalog.Learner, totalRows, pointsToEvaluate: libraryDefaults),
        TunerKind.Cfo => new CfoTuner(space, seed),
        TunerKind.Random => new RandomSearchTuner(space, seed),
        TunerKind.Grid => new GridSearchTuner(space, gridPoints),
        TunerKind.Bayes => new TpeTuner(space, seed),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown tuner."),
    };
}
