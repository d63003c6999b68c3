using Pipelines.Trainers.LinearModels;
using Pipelines.Tests.Contract;

namespace Pipelines.Trainers.Tests.LinearModels;

/// <summary>The linear learners under the shared contract, on numeric-only data (they refuse categorical, text and NaN).</summary>
public sealed class LinearCases : IContractCaseSource
{
    private static readonly Capabilities Numeric = new() { AcceptsMissing = false, AcceptsOneRow = false };

    public IEnumerable<ContractCase> Cases =>
    [
        new("LogisticRegression", () => new LogisticRegression(), Numeric, () => ContractData.Standard().Without("color", "note")),
        new("LogisticRegression.L1", () => new LogisticRegression { L1 = 0.01, ClassWeights = ClassWeighting.Balanced }, Numeric,
            () => ContractData.Standard().Without("color", "note")),
        new("SoftmaxRegression", () => new SoftmaxRegression(), Numeric, () => ContractData.Standard().Without("color", "note")),
        new("LinearRegression", () => new LinearRegression(), Numeric, () => ContractData.Regression().Without("color", "note")),
        new("LinearRegression.L1", () => new LinearRegression { L1 = 0.05, L2 = 0 }, Numeric, () => ContractData.Regression().Without("color", "note")),
    ];
}
