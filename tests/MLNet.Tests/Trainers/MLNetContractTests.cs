using Pipelines.Tests.Contract;

namespace Pipelines.MLNet.Tests.Trainers;

/// <summary>The shared contract suite over ML.NET's trainers (cases from <see cref="MLNetLearnerCases"/>).</summary>
[TestClass]
public sealed class MLNetContractTests : ContractSuite;
