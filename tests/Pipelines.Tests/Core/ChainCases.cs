using Pipelines.Core;
using Pipelines.Tests.Contract;
using Pipelines.Transforms.Cleaning;
using Pipelines.Transforms.Encoding;
using Pipelines.Transforms.Normalization;

namespace Pipelines.Tests.Core;

/// <summary><see cref="EstimatorChain"/> under the shared contract: impute, one-hot encode, then standardize what came out.</summary>
public sealed class ChainCases : IContractCaseSource
{
    public IEnumerable<ContractCase> Cases =>
    [
        new("EstimatorChain(impute, one-hot, z-score)", () => new ImputeMissing().Append(new OneHotEncode()).Append(new ZScoreNormalize())),
    ];
}
