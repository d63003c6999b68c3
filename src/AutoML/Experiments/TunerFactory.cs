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
    /// <param name="libraryDefaults">Per learner, its library-defaults trial (<see cref="SearchSpaceCatalog.LibraryDefaultTrials"/>).</param>
    /// <param name="startAtLibraryDefaults">
    /// True: ECI starts each learner's search at its library defaults (a strong first model per learner, the
    /// portfolio the final model can blend), the learners taken cheapest first. False (data too large for every
    /// learner's defaults to be affordable): each learner starts at its low-cost point and evaluates its library defaults next.
    /// </param>
    public static ITuner Create(TunerKind kind, ParameterSpace space, int seed, int gridPoints, IReadOnlyList<ILearnerSpace>? learners = null, int? totalRows = null,
        IReadOnlyDictionary<string, Parameters>? libraryDefaults = null, bool startAtLibraryDefaults = false) => kind switch
    {
        TunerKind.Eci => Eci(space, seed, learners ?? throw new ArgumentNullException(nameof(learners), "ECI needs the learners' costs."), totalRows, libraryDefaults, startAtLibraryDefaults),
        TunerKind.Cfo => new CfoTuner(space, seed),
        TunerKind.Random => new RandomSearchTuner(space, seed),
        TunerKind.Grid => new GridSearchTuner(space, gridPoints),
        TunerKind.Bayes => new TpeTuner(space, seed),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown tuner."),
    };

    private static EciTuner Eci(ParameterSpace space, int seed, IReadOnlyList<ILearnerSpace> learners, int? totalRows,
        IReadOnlyDictionary<string, Parameters>? libraryDefaults, bool startAtLibraryDefaults)
    {
        if (!startAtLibraryDefaults || libraryDefaults is null)
            return new EciTuner(space, learners.ToDictionary(l => l.Name, l => l.RelativeCost), seed, SearchSpaceCatalog.Learner, totalRows, pointsToEvaluate: libraryDefaults);
        // A learner's cost is then that of its first trial, its library defaults.
        var costs = learners.ToDictionary(l => l.Name,
            l => libraryDefaults.TryGetValue(l.Name, out var start) ? l.EstimateCost(start.GetSection(SearchSpaceCatalog.Learner)) : l.RelativeCost);
        return new EciTuner(space, costs, seed, SearchSpaceCatalog.Learner, totalRows, startPoints: libraryDefaults);
    }
}
