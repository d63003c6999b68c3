using Pipelines.Tests.Contract;
using Pipelines.Transforms.Normalization;

namespace Pipelines.Tests.Transforms;

public sealed class NormalizationCases : IContractCaseSource
{
    public IEnumerable<ContractCase> Cases =>
    [
        new("ZScoreNormalize", () => new ZScoreNormalize()),
        new("ZScoreNormalize(x2)", () => new ZScoreNormalize(["x2"])),
    ];
}
