using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Store;
using Pipelines.Data;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Experiments;

/// <summary>
/// The rules an experiment follows on small data, in one place. They apply to classification with a metric of the
/// predicted class under a repeated k-fold (<see cref="ValidationPlan.RepeatedRows"/> rows or fewer): there a few rows
/// decide the metric, and the best of thousands of trials is picked for luck as much as for skill. Then
/// <list type="bullet">
/// <item>each learner's library-defaults trial keeps its out-of-fold predictions and its refit is reserved
/// (<see cref="IsLibraryDefault"/>), because</item>
/// <item>the final model is the log-loss blend of those trials (AutoGluon's recipe of strong defaults and a weighted
/// ensemble) unless the search's own choice scores above it by more than the noise of a best among that many trials
/// (<see cref="TrialScorer.WithinNoise"/>).</item>
/// </list>
/// Elsewhere the search's ensemble or best trial is the final model.
/// </summary>
internal sealed class SmallDataPolicy
{
    private readonly IReadOnlyDictionary<string, Parameters> _libraryDefaults;

    private SmallDataPolicy(bool applies, IReadOnlyDictionary<string, Parameters> libraryDefaults)
    {
        Applies = applies;
        _libraryDefaults = libraryDefaults;
    }

    /// <summary>True when the small-data rules hold for this run.</summary>
    public bool Applies { get; }

    /// <summary>
    /// The rules for a run. <paramref name="libraryDefaults"/> are the library-defaults trials the tuner proposes
    /// (<see cref="SearchSpaceCatalog.LibraryDefaultTrials"/>); a learner missing there has the space's defaults as its
    /// library defaults (they are then its low-cost start). Only the catalog's own space with ensembling on can blend them.
    /// </summary>
    public static SmallDataPolicy Create(ExperimentOptions options, ExperimentTarget target, Metric metric, ValidationPlan plan,
        ParameterSpace space, IReadOnlyDictionary<string, Parameters>? libraryDefaults, IReadOnlyList<ILearnerSpace> learners)
    {
        var applies = target.IsClassification && metric.ScoresLabels() && plan.Repeats > 1;
        var blends = applies && options.Space is null && options.EnsembleSize > 0 && libraryDefaults is not null;
        var perLearner = blends
            ? learners.Where(l => l.Supports(target.Task)).ToDictionary(
                l => l.Name, l => libraryDefaults!.GetValueOrDefault(l.Name) ?? space.Pin(SearchSpaceCatalog.Learner, l.Name).Default, StringComparer.Ordinal)
            : new Dictionary<string, Parameters>(StringComparer.Ordinal);
        return new SmallDataPolicy(applies, perLearner);
    }

    /// <summary>Whether <paramref name="entry"/> is a learner's library-defaults trial that the final model may blend.</summary>
    public bool IsLibraryDefault(TrialEntry entry) =>
        entry.Learner is { } learner && _libraryDefaults.TryGetValue(learner, out var parameters) && Parameters.FromJson(entry.Parameters).Equals(parameters);
}
