using Pipelines.AutoML.SearchSpace;
using Pipelines.Data;

namespace Pipelines.AutoML.Sweeps;

/// <summary>
/// Turns a hand-written space file into the space a sweep searches. Two shapes are accepted:
/// <list type="bullet">
/// <item>A full space with a top-level "learner" choice (as <see cref="SearchSpaceCatalog"/> writes it): used as it is,
/// after checking every learner name is known.</item>
/// <item>A learner's hyperparameters (plus, optionally, pipeline choices named imputation, scaling, encoding,
/// selection or rebalancing): the learner comes from <c>--learner</c>; hyperparameters the file leaves out stay at the
/// learner's defaults, and a name the learner does not have is an error listing those it has.</item>
/// </list>
/// </summary>
public static class SweepSpace
{
    private static readonly string[] PipelineParameters =
    [
        SearchSpaceCatalog.Imputation, SearchSpaceCatalog.Scaling, SearchSpaceCatalog.Encoding,
        SearchSpaceCatalog.Selection, SearchSpaceCatalog.Rebalancing,
    ];

    /// <param name="file">The space read from the file (<see cref="SearchSpaceJson.Read"/>).</param>
    /// <param name="learner">The learner's name for a hyperparameter-only file; ignored for a full space.</param>
    /// <param name="task">The label's task, to pick the learner's space.</param>
    /// <param name="learners">The learners known by name; null for <see cref="SearchSpaceCatalog.DefaultLearners"/>.</param>
    public static ParameterSpace Create(ParameterSpace file, string? learner, PredictionTask task, IReadOnlyList<ILearnerSpace>? learners = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        learners ??= SearchSpaceCatalog.DefaultLearners;
        var known = string.Join(", ", learners.Where(l => l.Supports(task)).Select(l => l.Name));
        if (file.Names.Contains(SearchSpaceCatalog.Learner))
        {
            if (file[SearchSpaceCatalog.Learner] is not Choice choice)
                throw new SearchSpaceException($"The space's \"learner\" must be a choice among learner names ({known}).");
            foreach (var option in choice.Options)
            {
                if (!learners.Any(l => l.Name == option.ToString() && l.Supports(task)))
                    throw new SearchSpaceException($"The space names learner '{option}', which is not one of {known} for {task}.");
            }
            return file;
        }
        if (string.IsNullOrWhiteSpace(learner))
            throw new SearchSpaceException($"The space file has no \"learner\" choice; name the learner to sweep with --learner ({known}).");
        var chosen = learners.FirstOrDefault(l => l.Name == learner && l.Supports(task))
            ?? throw new SearchSpaceException($"Unknown learner '{learner}' for {task}; use one of {known}.");
        var defaults = chosen.Space(task);
        var defaultValues = defaults.Default;
        var hyper = file.Names.Where(n => !PipelineParameters.Contains(n)).ToArray();
        var unknown = hyper.Where(n => !defaults.Names.Contains(n)).ToArray();
        if (unknown.Length > 0)
            throw new SearchSpaceException($"Learner '{learner}' has no hyperparameter {string.Join(", ", unknown.Select(n => $"'{n}'"))}; it has {string.Join(", ", defaults.Names)} (and the pipeline choices {string.Join(", ", PipelineParameters)}).");
        var learnerSpace = new ParameterSpace([.. defaults.Names.Select(n => (n, hyper.Contains(n) ? file[n] : (Parameter)new Constant(defaultValues.Get(n))))]);
        var entries = file.Names.Where(PipelineParameters.Contains).Select(n => (n, file[n])).ToList();
        entries.Add((SearchSpaceCatalog.Learner, new Choice([new ChoiceOption(chosen.Name, learnerSpace)])));
        return new ParameterSpace([.. entries]);
    }
}
