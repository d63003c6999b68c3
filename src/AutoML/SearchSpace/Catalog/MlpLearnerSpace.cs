using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Trainers.Mlp;

namespace Pipelines.AutoML.SearchSpace;

/// <summary>
/// Multilayer perceptron (<see cref="MlpClassifier"/>, <see cref="MlpRegressor"/>): layers [1, 3] (1) of width
/// [8, 256] log (32), learning_rate [1e-4, 0.1] log (1e-3), weight_decay [1e-6, 0.1] log (1e-4), dropout [0, 0.5] (0),
/// epochs [10, 200] log (20), batch_size [16, 256] log (64).
/// </summary>
public sealed class MlpLearnerSpace : ILearnerSpace
{
    public string Name => "mlp";
    // Measured on messy_churn at the defaults: about 21× a 4-round GBDT.
    public double RelativeCost => 20;
    public bool AcceptsCategorical => false;

    public bool Supports(PredictionTask task) => true;

    public ParameterSpace Space(PredictionTask task) => new(
        ("layers", new IntRange(1, 3, defaultValue: 1)),
        ("width", new IntRange(8, 256, defaultValue: 32, log: true)),
        ("learning_rate", new FloatRange(1e-4, 0.1, defaultValue: 1e-3, log: true)),
        ("weight_decay", new FloatRange(1e-6, 0.1, defaultValue: 1e-4, log: true)),
        ("dropout", new FloatRange(0, 0.5, defaultValue: 0)),
        ("epochs", new IntRange(10, 200, defaultValue: 20, log: true)),
        ("batch_size", new IntRange(16, 256, defaultValue: 64, log: true)));

    /// <summary>
    /// <see cref="MlpOptions"/>' defaults: as many layers of the same width as its hidden sizes, and its epochs (early
    /// stopping still ends it sooner). It standardizes inputs itself, so it is not scale sensitive.
    /// </summary>
    public IReadOnlyDictionary<string, double> LibraryDefaults(PredictionTask task, int featureCount)
    {
        var library = new MlpClassifier();
        return new Dictionary<string, double>
        {
            ["layers"] = library.HiddenSizes.Count,
            ["width"] = library.HiddenSizes[0],
            ["learning_rate"] = (double)(decimal)library.LearningRate,
            ["weight_decay"] = (double)(decimal)library.WeightDecay,
            ["epochs"] = library.Epochs,
            ["batch_size"] = library.BatchSize,
        };
    }

    public IEstimator<ITransformer> Create(Parameters parameters, PredictionTask task, int seed)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return task == PredictionTask.Regression ? Apply(new MlpRegressor(), parameters, seed) : Apply(new MlpClassifier(), parameters, seed);
    }

    /// <summary>
    /// <see cref="RelativeCost"/> · (epochs / 20) · W / W₀ with W = 34 · width + (layers - 1) · width² + 32,000 / batch_size
    /// and W₀ its value at the defaults (1,588): the multiply-adds per row of a network on about 32 inputs, plus a per-batch
    /// overhead (tape, optimizer step) shared by the batch's rows. Epochs is the most that can run: early stopping may
    /// end a trial sooner. Against fit times on data/messy_churn.csv: within 25% for one layer of any width or two of
    /// width 32, up to 2x high for wide deep networks (larger products run faster per multiply-add).
    /// </summary>
    public double EstimateCost(Parameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        static double Work(double width, double layers, double batch) => 34 * width + (layers - 1) * width * width + 32_000 / batch;
        var work = Work(parameters.GetInt("width"), parameters.GetInt("layers"), parameters.GetInt("batch_size"));
        return RelativeCost * (parameters.GetInt("epochs") / 20.0) * work / Work(32, 1, 64);
    }

    private static T Apply<T>(T options, Parameters p, int seed) where T : MlpOptions => options with
    {
        HiddenSizes = [.. Enumerable.Repeat(p.GetInt("width"), p.GetInt("layers"))],
        LearningRate = (float)p.GetDouble("learning_rate"),
        WeightDecay = (float)p.GetDouble("weight_decay"),
        Dropout = (float)p.GetDouble("dropout"),
        Epochs = p.GetInt("epochs"),
        BatchSize = p.GetInt("batch_size"),
        Seed = seed,
    };
}
