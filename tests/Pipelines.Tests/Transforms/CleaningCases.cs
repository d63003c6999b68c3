using Pipelines.Tests.Contract;
using Pipelines.Transforms.Cleaning;

namespace Pipelines.Tests.Transforms;

public sealed class CleaningCases : IContractCaseSource
{
    public IEnumerable<ContractCase> Cases =>
    [
        new("ClipOutliers", () => new ClipOutliers()),
        new("ClipOutliers(quantile,x2)", () => new ClipOutliers(ClipMethod.Quantile, LowerQuantile: 0.05, UpperQuantile: 0.9, Columns: ["x2"])),
    ];
}
