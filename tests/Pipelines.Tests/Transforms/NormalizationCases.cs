using Pipelines.Tests.Contract;
using Pipelines.Transforms.Normalization;

namespace Pipelines.Tests.Transforms;

public sealed class NormalizationCases : IContractCaseSource
{
    public IEnumerable<ContractCase> Cases =>
    [
        new("ZScoreNormalize", () => new ZScoreNormalize()),
        new("ZScoreNormalize(x2)", () => new ZScoreNormalize(["x2"])),
        new("MinMaxNormalize", () => new MinMaxNormalize()),
        new("MinMaxNormalize(x1,x3)", () => new MinMaxNormalize(["x1", "x3"])),
        new("RobustNormalize", () => new RobustNormalize()),
        new("RobustNormalize(0.1,0.9)", () => new RobustNormalize(0.1, 0.9)),
        new("Log1pTransform", () => new Log1pTransform()),
        new("Log1pTransform(x2)", () => new Log1pTransform(["x2"])),
    ];
}
