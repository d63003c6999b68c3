namespace Pipelines.Tests.Contract;

/// <summary>The shared contract suite over this project's transforms and samplers.</summary>
[TestClass]
public sealed class PipelinesContractTests : ContractSuite;
