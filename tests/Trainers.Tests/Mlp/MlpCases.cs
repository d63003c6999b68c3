using Pipelines.Data;
using Pipelines.Tests.Contract;
using Pipelines.Trainers.Mlp;

namespace Pipelines.Trainers.Tests.Mlp;

/// <summary>
/// The MLP estimators under the shared contract (few epochs, so the suite stays fast); the model MlpFineTune starts from
/// is a small MlpClassifier fitted inside the factory.
/// </summary>
public sealed class MlpCases : IContractCaseSource
{
    private static readonly Capabilities Caps = new() { AcceptsMissing = false, AcceptsOneRow = false };

    public IEnumerable<ContractCase> Cases =>
    [
        new("MlpClassifier", () => new MlpClassifier { HiddenSizes = [16, 8], Epochs = 8, BatchSize = 16, Seed = 3 }, Caps,
            () => ContractData.Standard().Without("color", "note")),
        new("MlpClassifier.BatchNorm+Dropout+Gelu", () => new MlpClassifier
        {
            HiddenSizes = [16], Epochs = 8, BatchSize = 16, BatchNorm = true, Dropout = 0.2f, Activation = MlpActivation.Gelu,
            ClassWeights = MlpClassWeights.Balanced, Seed = 4,
        }, Caps, () => ContractData.Standard().Without("color", "note")),
        new("MlpRegressor", () => new MlpRegressor { HiddenSizes = [16], Epochs = 8, BatchSize = 16, Activation = MlpActivation.Tanh, Seed = 5 }, Caps,
            () => ContractData.Regression().Without("color", "note")),
        new("MlpFineTune", () => new MlpFineTune
        {
            Model = new MlpClassifier { HiddenSizes = [16, 8], Epochs = 8, BatchSize = 16, Seed = 3 }.Fit(Classification()),
            FrozenLayers = 1, Epochs = 4, LearningRate = 0.01f, BatchSize = 16, Seed = 6,
        }, Caps, Classification),
    ];

    private static DataFrame Classification() => ContractData.Standard().Without("color", "note");
}
