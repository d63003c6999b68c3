using Pipelines.Core;
using Pipelines.Tests.Contract;
using Pipelines.Trainers.LinearModels;
using Pipelines.Trainers.Trees;
using Pipelines.Transforms.Cleaning;
using Pipelines.Transforms.Encoding;

namespace Pipelines.AutoML.Tests.Ensembling;

/// <summary>
/// WeightedEnsemble under the shared contract (save and load included): a linear chain that imputes and one-hot encodes,
/// and a GBDT that reads categories and NaN itself. Text 'note' is left out, as for the learners; the learners refuse
/// a single row (one class, or too few rows), so the ensemble does too.
/// </summary>
public sealed class EnsembleCases : IContractCaseSource
{
    private static readonly Capabilities Learners = new() { AcceptsOneRow = false };

    public IEnumerable<ContractCase> Cases =>
    [
        new("weighted-ensemble-classifier",
            () => new FixedWeightEnsemble(
                [new ImputeMissing().Append(new OneHotEncode()).Append(new LogisticRegression()), new GbdtClassifier { Rounds = 8, NumLeaves = 4, MinChildSamples = 5, Seed = 3 }],
                [0.4, 0.6]),
            Learners,
            () => ContractData.Standard().Without("note")),
        new("weighted-ensemble-regressor",
            () => new FixedWeightEnsemble(
                [new ImputeMissing().Append(new OneHotEncode()).Append(new LinearRegression()), new GbdtRegressor { Rounds = 8, NumLeaves = 4, MinChildSamples = 5, Seed = 3 }],
                [0.75, 0.25]),
            Learners,
            () => ContractData.Regression().Without("note")),
    ];
}

/// <summary>The shared contract suite over this project's fitted types (cases from <see cref="EnsembleCases"/>).</summary>
[TestClass]
public sealed class EnsemblingContractTests : ContractSuite;
