using Pipelines.Tests.Contract;

namespace Pipelines.Trainers.Tests;

/// <summary>The shared contract suite over the learners (cases from each area's IContractCaseSource).</summary>
[TestClass]
public sealed class TrainersContractTests : ContractSuite;
