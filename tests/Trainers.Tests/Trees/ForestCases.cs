using Pipelines.Tests.Contract;
using Pipelines.Trainers.Trees.Forest;

namespace Pipelines.Trainers.Tests.Trees;

/// <summary>
/// The forests under the shared contract, on the standard data without the text column 'note' (trees read numeric and
/// categorical columns, NaN and missing categories included). Classifiers need two classes, so they refuse one row.
/// </summary>
public sealed class ForestCases : IContractCaseSource
{
    public IEnumerable<ContractCase> Cases =>
    [
        new("random-forest-classifier",
            () => new RandomForestClassifier { Trees = 10, Seed = 3 },
            new Capabilities { AcceptsOneRow = false },
            () => ContractData.Standard().Without("note")),
        new("extra-trees-classifier",
            () => new ExtraTreesClassifier { Trees = 10, MaxDepth = 6, Seed = 3 },
            new Capabilities { AcceptsOneRow = false },
            () => ContractData.Standard().Without("note")),
        new("random-forest-regressor",
            () => new RandomForestRegressor { Trees = 10, MinSamplesLeaf = 2, Seed = 3 },
            new Capabilities(),
            () => ContractData.Regression().Without("note")),
        new("extra-trees-regressor",
            () => new ExtraTreesRegressor { Trees = 10, MaxLeaves = 16, Seed = 3 },
            new Capabilities(),
            () => ContractData.Regression().Without("note")),
    ];
}
