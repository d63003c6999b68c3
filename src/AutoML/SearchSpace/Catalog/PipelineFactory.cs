using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Sampling;
using Pipelines.Transforms.Cleaning;
using Pipelines.Transforms.Encoding;
using Pipelines.Transforms.Normalization;
using Pipelines.Transforms.Selection;

namespace Pipelines.AutoML.SearchSpace;

/// <summary>
/// Builds the estimator chain for decoded parameters of a <see cref="SearchSpaceCatalog"/> space:
/// impute → scale → rebalance → encode → select → learner. Rebalancing comes before encoding so SMOTE-NC sees the
/// categorical columns as categories (plain SMOTE when there are none) and after scaling so its distances are in
/// comparable units; samplers act only while fitting. A pipeline parameter missing from the set (a hand-written space
/// without it) means that step is left out. The same seed gives the same chain.
/// </summary>
public static class PipelineFactory
{
    /// <summary>The chain for <paramref name="parameters"/> with the default learners.</summary>
    public static EstimatorChain Create(Parameters parameters, DataSchema schema, PredictionTask task, int seed = 0) =>
        Create(parameters, schema, task, SearchSpaceCatalog.DefaultLearners, seed);

    /// <summary>The chain for <paramref name="parameters"/>, taking the learner from <paramref name="learners"/> by name.</summary>
    public static EstimatorChain Create(Parameters parameters, DataSchema schema, PredictionTask task, IReadOnlyList<ILearnerSpace> learners, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(learners);
        var features = SearchSpaceCatalog.Features(schema);
        var hasCategorical = features.Any(c => c.Kind == ColumnKind.Categorical);
        var name = parameters.GetString(SearchSpaceCatalog.Learner);
        var learner = learners.FirstOrDefault(l => l.Name == name)
            ?? throw new SearchSpaceException($"No learner named '{name}'; known: {string.Join(", ", learners.Select(l => l.Name))}.");
        var steps = new List<IEstimator<ITransformer>>
        {
            new ImputeMissing(Numeric: Imputation(Get(parameters, SearchSpaceCatalog.Imputation) ?? "mean")),
        };
        switch (Get(parameters, SearchSpaceCatalog.Scaling))
        {
            case null or "none": break;
            case "zscore": steps.Add(new ZScoreNormalize()); break;
            case "robust": steps.Add(new RobustNormalize()); break;
            case var other: throw Unknown(SearchSpaceCatalog.Scaling, other);
        }
        switch (Get(parameters, SearchSpaceCatalog.Rebalancing))
        {
            case null or "none": break;
            case "class_weights": steps.Add(new ClassWeights()); break;
            case "random_over": steps.Add(new RandomOverSample { Strategy = Ratio(parameters), Seed = seed }); break;
            case "smote":
                steps.Add(hasCategorical ? new SmoteNc { Strategy = Ratio(parameters), Seed = seed } : new Smote { Strategy = Ratio(parameters), Seed = seed });
                break;
            case var other: throw Unknown(SearchSpaceCatalog.Rebalancing, other);
        }
        switch (Get(parameters, SearchSpaceCatalog.Encoding))
        {
            case null when hasCategorical && !learner.AcceptsCategorical:
                steps.Add(new OneHotEncode(MaxCategories: 16));
                break;
            case null: break;
            case "onehot": steps.Add(new OneHotEncode(MaxCategories: Section(parameters, SearchSpaceCatalog.Encoding).GetInt("max_categories"))); break;
            case "target": steps.Add(new TargetEncode(Smoothing: Section(parameters, SearchSpaceCatalog.Encoding).GetDouble("smoothing"), Seed: seed)); break;
            case var other: throw Unknown(SearchSpaceCatalog.Encoding, other);
        }
        switch (Get(parameters, SearchSpaceCatalog.Selection))
        {
            case null or "none": break;
            case "kbest": steps.Add(new SelectKBest(Fraction: Section(parameters, SearchSpaceCatalog.Selection).GetDouble("fraction"))); break;
            case var other: throw Unknown(SearchSpaceCatalog.Selection, other);
        }
        steps.Add(learner.Create(Section(parameters, SearchSpaceCatalog.Learner), task, seed));
        return new EstimatorChain(steps);
    }

    private static string? Get(Parameters p, string name) => p.Contains(name) ? p.GetString(name) : null;

    /// <summary>The chosen option's parameters of conditional choice <paramref name="name"/>.</summary>
    private static Parameters Section(Parameters p, string name) => p.GetSection(name);

    private static SamplingStrategy Ratio(Parameters p) => SamplingStrategy.Ratio(Section(p, SearchSpaceCatalog.Rebalancing).GetDouble("ratio"));

    private static NumericImputation Imputation(string value) => value switch
    {
        "mean" => NumericImputation.Mean,
        "median" => NumericImputation.Median,
        "most_frequent" => NumericImputation.MostFrequent,
        _ => throw Unknown(SearchSpaceCatalog.Imputation, value),
    };

    private static SearchSpaceException Unknown(string parameter, string value) =>
        new($"PipelineFactory: '{value}' is not an option of '{parameter}' (see SearchSpaceCatalog for the options).");
}
