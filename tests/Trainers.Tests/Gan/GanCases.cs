using Pipelines.Tests.Contract;
using Pipelines.Trainers.Gan;
using Pipelines.Trainers.Gan.Training;

namespace Pipelines.Trainers.Tests.Gan;

/// <summary>GanOverSample under the shared contract (tiny networks, few epochs). Missing values are modelled, so accepted.</summary>
public sealed class GanCases : IContractCaseSource
{
    private static readonly Capabilities Caps = new() { ChangesRows = true, AcceptsOneRow = false, AcceptsMissing = true };

    private static readonly GanOptions Tiny = new()
    {
        Epochs = 3, BatchSize = 40, NoiseDim = 8, GeneratorDims = [16], CriticDims = [16], GeneratorLearningRate = 2e-3f, CriticLearningRate = 2e-3f,
    };

    public IEnumerable<ContractCase> Cases =>
    [
        new("GanOverSample", () => new GanOverSample { Gan = Tiny, Seed = 7, MaxDrawsPerRow = 200 }, Caps, () => ContractData.Standard().Without("note")),
    ];
}
