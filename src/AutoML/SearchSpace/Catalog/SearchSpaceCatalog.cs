using System.Text.Json.Nodes;
using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.AutoML.SearchSpace;

/// <summary>
/// The default AutoML space over pipeline choices and learners for a schema and task. Parameters (present only
/// where they apply to the data):
/// <list type="bullet">
/// <item>"imputation": mean | median | most_frequent (numeric columns; categoricals always take the most frequent).</item>
/// <item>"scaling": none | zscore | robust (when there are numeric features).</item>
/// <item>"encoding": onehot {max_categories [4, 64] log, default 16} | target {smoothing [0.1, 100] log, default 10}
/// (when there are categorical features).</item>
/// <item>"selection": none | kbest {fraction [0.2, 1], default 0.6} (classification with numeric features; F-test).</item>
/// <item>"rebalancing": none | class_weights | random_over {ratio} | smote {ratio} (classification; ratio [0.3, 1],
/// default 1; SMOTE-NC when categorical features reach the sampler; smote only with numeric features).</item>
/// <item>"learner": one option per learner supporting the task, each with its own sub-space.</item>
/// </list>
/// Every default is the cheapest choice (no extra steps, the learners' low-cost defaults), so the first trial is fast.
/// Text features are refused: drop or featurize them before AutoML.
/// </summary>
public static class SearchSpaceCatalog
{
    public const string Imputation = "imputation";
    public const string Scaling = "scaling";
    public const string Encoding = "encoding";
    public const string Selection = "selection";
    public const string Rebalancing = "rebalancing";
    public const string Learner = "learner";

    /// <summary>The project's learners, then ML.NET's trainers (the benchmark suite decided they belong in the search).</summary>
    public static IReadOnlyList<ILearnerSpace> DefaultLearners => [.. ProjectLearners, .. MLNetLearners];

    /// <summary>The project's own learners: GBDT, random forest, extra trees, linear and MLP.</summary>
    public static IReadOnlyList<ILearnerSpace> ProjectLearners { get; } =
        [new GbdtLearnerSpace(), ForestLearnerSpace.RandomForest, ForestLearnerSpace.ExtraTrees, new LinearLearnerSpace(), new MlpLearnerSpace()];

    /// <summary>ML.NET's trainers, the set Microsoft.ML.AutoML searches: LightGbm, FastTree, FastForest, L-BFGS and SDCA (the group name <c>mlnet</c>).</summary>
    public static IReadOnlyList<ILearnerSpace> MLNetLearners { get; } =
        [new LightGbmLearnerSpace(), new FastTreeLearnerSpace(), new FastForestLearnerSpace(), new LbfgsLearnerSpace(), new SdcaLearnerSpace()];

    /// <summary>The space for data of <paramref name="schema"/> and <paramref name="task"/>.</summary>
    public static ParameterSpace Create(DataSchema schema, PredictionTask task, IReadOnlyList<ILearnerSpace>? learners = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        learners ??= DefaultLearners;
        var features = Features(schema);
        var hasNumeric = features.Any(c => c.Kind == ColumnKind.Numeric);
        var hasCategorical = features.Any(c => c.Kind == ColumnKind.Categorical);
        var classification = task != PredictionTask.Regression;
        var entries = new List<(string, Parameter)> { (Imputation, new Choice("mean", "median", "most_frequent")) };
        if (hasNumeric) entries.Add((Scaling, new Choice("none", "zscore", "robust")));
        if (hasCategorical)
        {
            entries.Add((Encoding, new Choice([
                new ChoiceOption("onehot", new ParameterSpace(("max_categories", new IntRange(4, 64, defaultValue: 16, log: true)))),
                new ChoiceOption("target", new ParameterSpace(("smoothing", new FloatRange(0.1, 100, defaultValue: 10, log: true)))),
            ])));
        }
        if (classification && hasNumeric)
        {
            entries.Add((Selection, new Choice([
                new ChoiceOption("none"),
                new ChoiceOption("kbest", new ParameterSpace(("fraction", new FloatRange(0.2, 1, defaultValue: 0.6)))),
            ])));
        }
        if (classification)
        {
            List<ChoiceOption> options = [new("none"), new("class_weights"), new("random_over", Ratio())];
            if (hasNumeric) options.Add(new("smote", Ratio()));
            entries.Add((Rebalancing, new Choice(options)));
        }
        var supported = learners.Where(l => l.Supports(task)).ToArray();
        if (supported.Length == 0) throw new SearchSpaceException($"No learner supports {task}; learners given: {string.Join(", ", learners.Select(l => l.Name))}.");
        entries.Add((Learner, new Choice(supported.Select(l => new ChoiceOption(l.Name, l.Space(task))))));
        return new ParameterSpace(entries.ToArray());
    }

    /// <summary>Each learner's relative cost at its defaults, by name (what <c>EciTuner</c> takes).</summary>
    public static IReadOnlyDictionary<string, double> RelativeCosts(IReadOnlyList<ILearnerSpace>? learners = null) =>
        (learners ?? DefaultLearners).ToDictionary(l => l.Name, l => l.RelativeCost);

    /// <summary>
    /// Per learner of <paramref name="space"/> (a space made by <see cref="Create"/>), the parameters of its library
    /// defaults trial: the space's defaults for every pipeline choice, z-scores for scale-sensitive learners, and the
    /// learner's <see cref="ILearnerSpace.LibraryDefaults"/>. Learners whose library defaults are the low-cost start are left out.
    /// </summary>
    public static IReadOnlyDictionary<string, Parameters> LibraryDefaultTrials(ParameterSpace space, DataSchema schema, PredictionTask task, IReadOnlyList<ILearnerSpace>? learners = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(schema);
        var featureCount = Features(schema).Length;
        var trials = new Dictionary<string, Parameters>(StringComparer.Ordinal);
        var start = space.Default.ToJsonNode();
        foreach (var learner in (learners ?? DefaultLearners).Where(l => l.Supports(task)))
        {
            var node = (JsonObject)start.DeepClone();
            if (learner.IsScaleSensitive && node.ContainsKey(Scaling)) node[Scaling] = "zscore";
            var section = learner.Space(task).Default.ToJsonNode();
            foreach (var (name, value) in learner.LibraryDefaults(task, featureCount)) section[name] = value;
            node[Learner] = new JsonObject { [learner.Name] = section };
            // Through the unit cube and back, so values land on the space's grid (integers, ranges) as proposals do.
            var pinned = space.Pin(Learner, learner.Name);
            var parameters = pinned.Decode(pinned.Encode(Parameters.FromJson(node)));
            if (!parameters.Equals(pinned.Default)) trials[learner.Name] = parameters;
        }
        return trials;
    }

    /// <summary>The feature columns, refusing text ones.</summary>
    internal static ColumnSchema[] Features(DataSchema schema)
    {
        var features = schema.Features.ToArray();
        var text = features.Where(c => c.Kind == ColumnKind.Text).Select(c => c.Name).ToArray();
        if (text.Length > 0)
            throw new SchemaException($"AutoML pipelines take numeric and categorical features; text feature(s) {string.Join(", ", text)} must be dropped (a DropColumns step, or DataFrame.Without) or read as categorical first.");
        return features;
    }

    private static ParameterSpace Ratio() => new(("ratio", new FloatRange(0.3, 1, defaultValue: 1)));
}
