using Pipelines.Tests.Contract;
using Pipelines.Trainers.Distillation;
using Pipelines.Trainers.Trees;

namespace Pipelines.Trainers.Tests.Distillation;

/// <summary>DistillStudent under the shared contract; the teacher is a small GBDT fitted inside the factory.</summary>
public sealed class DistillationCases : IContractCaseSource
{
    private static readonly Capabilities Caps = new() { AcceptsMissing = false, AcceptsOneRow = false };

    public IEnumerable<ContractCase> Cases =>
    [
        new("DistillStudent", () => new DistillStudent
        {
            Teacher = new GbdtClassifier { Rounds = 10, MinChildSamples = 5, Seed = 1, Threads = 1 }.Fit(Data()),
            HiddenSizes = [8], Epochs = 6, BatchSize = 16, AugmentFactor = 1, Seed = 2,
        }, Caps, Data),
    ];

    private static Pipelines.Data.DataFrame Data() => ContractData.Standard().Without("color", "note");
}
