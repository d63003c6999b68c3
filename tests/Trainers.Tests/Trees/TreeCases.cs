using Pipelines.Tests.Contract;
using Pipelines.Trainers.Trees;

namespace Pipelines.Trainers.Tests.Trees;

/// <summary>
/// The GBDT under the shared contract. It reads numeric and categorical columns (NaN and missing categories included);
/// text columns are not features it can use, so they must be dropped first (the data here leaves out 'note').
/// The classifier needs two classes, so it refuses a single row; the regressor fits one (a constant).
/// </summary>
public sealed class TreeCases : IContractCaseSource
{
    public IEnumerable<ContractCase> Cases =>
    [
        new("gbdt-classifier",
            () => new GbdtClassifier { Rounds = 8, NumLeaves = 4, MinChildSamples = 5, Seed = 3 },
            new Capabilities { AcceptsOneRow = false },
            () => ContractData.Standard().Without("note")),
        new("gbdt-classifier-sampled",
            () => new GbdtClassifier { Rounds = 6, NumLeaves = 4, MinChildSamples = 3, RowSubsample = 0.7, ColumnSubsample = 0.6, EarlyStoppingRounds = 3, Seed = 5 },
            new Capabilities { AcceptsOneRow = false },
            () => ContractData.Standard().Without("note")),
        new("gbdt-regressor",
            () => new GbdtRegressor { Rounds = 8, NumLeaves = 4, MinChildSamples = 5, Seed = 3 },
            new Capabilities(),
            () => ContractData.Regression().Without("note")),
    ];
}
