using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Trainers.Trees;

namespace Pipelines.AutoML.SearchSpace;

/// <summary>
/// Histogram GBDT (<see cref="GbdtClassifier"/>, <see cref="GbdtRegressor"/>). Ranges follow FLAML's LightGBM space,
/// narrowed for small data: rounds [4, 1024] log, num_leaves [4, 256] log (both default 4: the cheapest model first),
/// min_child_samples [2, 128] log (20), learning_rate [2⁻¹⁰, 1] log (0.1), row/column subsample [0.5, 1] / [0.3, 1] (1),
/// l2 [2⁻¹⁰, 2¹⁰] log (1).
/// </summary>
public sealed class GbdtLearnerSpace : ILearnerSpace
{
    public string Name => "gbdt";
    public double RelativeCost => 1;
    public bool AcceptsCategorical => true;

    public bool Supports(PredictionTask task) => true;

    public ParameterSpace Space(PredictionTask task) => new(
        ("rounds", new IntRange(4, 1024, defaultValue: 4, log: true)),
        ("num_leaves", new IntRange(4, 256, defaultValue: 4, log: true)),
        ("min_child_samples", new IntRange(2, 128, defaultValue: 20, log: true)),
        ("learning_rate", new FloatRange(1.0 / 1024, 1, defaultValue: 0.1, log: true)),
        ("row_subsample", new FloatRange(0.5, 1, defaultValue: 1)),
        ("column_subsample", new FloatRange(0.3, 1, defaultValue: 1)),
        ("l2", new FloatRange(1.0 / 1024, 1024, defaultValue: 1, log: true)));

    /// <summary><see cref="GbdtOptions"/>' defaults: 100 rounds of 31 leaves (the rest equal the space's defaults).</summary>
    public IReadOnlyDictionary<string, double> LibraryDefaults(PredictionTask task, int featureCount)
    {
        var library = new GbdtClassifier();
        return new Dictionary<string, double> { ["rounds"] = library.Rounds, ["num_leaves"] = library.NumLeaves };
    }

    public IEstimator<ITransformer> Create(Parameters parameters, PredictionTask task, int seed)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return task == PredictionTask.Regression ? Apply(new GbdtRegressor(), parameters, seed) : Apply(new GbdtClassifier(), parameters, seed);
    }

    /// <summary>
    /// 0.6 + 0.1 · rounds · (min(num_leaves, 64) / 4)^0.65 · (0.7 + 0.3 · row_subsample) · (0.2 + 0.8 · column_subsample),
    /// which is 1 at the defaults. The 0.6 is binning and setup, paid once; a round's histogram work grows with its
    /// leaves (sublinearly, and hardly beyond 64, where min_child_samples stops the growth on small data) and with the
    /// rows and columns it samples. Fitted to fit times on data/messy_churn.csv: within 20% from 4 to 1,024 rounds.
    /// </summary>
    public double EstimateCost(Parameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var leaves = Math.Pow(Math.Min(parameters.GetInt("num_leaves"), 64) / 4.0, 0.65);
        var rows = 0.7 + 0.3 * parameters.GetDouble("row_subsample");
        var columns = 0.2 + 0.8 * parameters.GetDouble("column_subsample");
        return 0.6 + 0.1 * parameters.GetInt("rounds") * leaves * rows * columns;
    }

    private static T Apply<T>(T options, Parameters p, int seed) where T : GbdtOptions => options with
    {
        Rounds = p.GetInt("rounds"),
        NumLeaves = p.GetInt("num_leaves"),
        MinChildSamples = p.GetInt("min_child_samples"),
        LearningRate = p.GetDouble("learning_rate"),
        RowSubsample = p.GetDouble("row_subsample"),
        ColumnSubsample = p.GetDouble("column_subsample"),
        L2 = p.GetDouble("l2"),
        Seed = seed,
    };
}
