using Pipelines.Core;
using Pipelines.Data;
using Pipelines.MLNet.Trainers;

namespace Pipelines.AutoML.SearchSpace;

/// <summary>
/// ML.NET's SDCA (<see cref="SdcaClassifier"/>: SdcaMaximumEntropy, binary labels as two classes; <see cref="SdcaRegressor"/>).
/// The space is Microsoft.ML.AutoML's sdca_search_space.json as it is: l1_regularization [2⁻⁵, 2¹⁵] log (1),
/// l2_regularization [2⁻⁵, 2¹⁵] log (0.1). The trainers' own defaults are chosen from the data at fit time, which no
/// point of the space stands for, so the search starts from AutoML's defaults alone.
/// </summary>
public sealed class SdcaLearnerSpace : ILearnerSpace
{
    public string Name => "sdca";

    /// <summary>See <see cref="MLNetLearnerCosts.Sdca"/>; the penalties do not predict the iterations, so no EstimateCost.</summary>
    public double RelativeCost => MLNetLearnerCosts.Sdca;

    public bool AcceptsCategorical => false;

    /// <summary>SDCA converges on scaled features; the penalties act on their scale.</summary>
    public bool IsScaleSensitive => true;

    public bool Supports(PredictionTask task) => true;

    public ParameterSpace Space(PredictionTask task) => new(
        ("l1_regularization", new FloatRange(0.03125, 32768, defaultValue: 1, log: true)),
        ("l2_regularization", new FloatRange(0.03125, 32768, defaultValue: 0.1, log: true)));

    public IEstimator<ITransformer> Create(Parameters parameters, PredictionTask task, int seed)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var l1 = (float)parameters.GetDouble("l1_regularization");
        var l2 = (float)parameters.GetDouble("l2_regularization");
        return task == PredictionTask.Regression
            ? new SdcaRegressor { L1Regularization = l1, L2Regularization = l2, Seed = seed }
            : new SdcaClassifier { L1Regularization = l1, L2Regularization = l2, Seed = seed };
    }
}
