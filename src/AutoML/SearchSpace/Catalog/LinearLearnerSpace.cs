using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Trainers.LinearModels;

namespace Pipelines.AutoML.SearchSpace;

/// <summary>
/// L-BFGS linear models: <see cref="LogisticRegression"/> (binary), <see cref="SoftmaxRegression"/> (multiclass),
/// <see cref="LinearRegression"/>. l2 [1e-6, 10] log (default 1e-4), l1 [1e-6, 1] log (default 1e-6, nearly none).
/// </summary>
public sealed class LinearLearnerSpace : ILearnerSpace
{
    public string Name => "linear";
    // Measured on messy_churn at the defaults: 4.4× a 4-round GBDT (L-BFGS to convergence), rounded down.
    public double RelativeCost => 3;
    public bool AcceptsCategorical => false;

    public bool Supports(PredictionTask task) => true;

    /// <summary>L-BFGS penalties depend on the features' scale, so the library-defaults trial z-scores them.</summary>
    public bool IsScaleSensitive => true;

    public ParameterSpace Space(PredictionTask task) => new(
        ("l2", new FloatRange(1e-6, 10, defaultValue: 1e-4, log: true)),
        ("l1", new FloatRange(1e-6, 1, defaultValue: 1e-6, log: true)));

    /// <summary>
    /// <see cref="RelativeCost"/> whatever the parameters: L-BFGS stops on convergence, so the penalties change the
    /// iteration count in ways the parameters alone do not predict (on data/messy_churn.csv, l2 = 1 took a third of the
    /// defaults' time, l1 = 0.01 about as long).
    /// </summary>
    public double EstimateCost(Parameters parameters) => RelativeCost;

    public IEstimator<ITransformer> Create(Parameters parameters, PredictionTask task, int seed)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var l2 = parameters.GetDouble("l2");
        var l1 = parameters.GetDouble("l1");
        return task switch
        {
            PredictionTask.BinaryClassification => new LogisticRegression { L2 = l2, L1 = l1 },
            PredictionTask.MulticlassClassification => new SoftmaxRegression { L2 = l2, L1 = l1 },
            _ => new LinearRegression { L2 = l2, L1 = l1 },
        };
    }
}
