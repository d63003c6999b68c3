using Pipelines.Tests.Contract;
using Pipelines.Trainers.Mlp;

namespace Pipelines.Trainers.Tests.Mlp;

/// <summary>The MLP estimators under the shared contract (few epochs, so the suite stays fast).</summary>
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
            ClassWeights = ClassWeights.Balanced, Seed = 4,
        }, Caps, () => ContractData.Standard().Without("color", "note")),
        new("MlpRegressor", () => new MlpRegressor { HiddenSizes = [16], Epochs = 8, BatchSize = 16, Activation = MlpActivation.Tanh, Seed = 5 }, Caps,
            () => ContractData.Regression().Without("color", "note")),
    ];
}
