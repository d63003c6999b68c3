using Pipelines.Data;
using Pipelines.Tests.Contract;

namespace Pipelines.Tests.Transforms;

/// <summary>Frame comparison for the transform tests, shared with the contract suite.</summary>
internal static class ContractSuiteAsserts
{
    public static void FramesEqual(DataFrame expected, DataFrame actual, string context) =>
        ContractSuiteTests.AssertFramesEqual(expected, actual, context);
}
