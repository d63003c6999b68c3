using Pipelines.Tests.Contract;
using Pipelines.Transforms.Reduction;
using Pipelines.Transforms.Selection;

namespace Pipelines.Tests.Transforms;

public sealed class ReductionSelectionCases : IContractCaseSource
{
    private static readonly Capabilities NoMissing = new() { AcceptsMissing = false };
    private static readonly Capabilities Supervised = new() { AcceptsMissing = false, AcceptsOneRow = false };

    public IEnumerable<ContractCase> Cases =>
    [
        new("Pca", () => new Pca(), NoMissing),
        new("Pca(2, whiten)", () => new Pca(Components: 2, Whiten: true), NoMissing),
        new("Pca(90% variance)", () => new Pca(VarianceFraction: 0.9), NoMissing),
        new("Pca(x1, x3)", () => new Pca(Columns: ["x1", "x3"]), NoMissing),
        new("Lda", () => new Lda(), Supervised),
        new("VarianceThreshold", () => new VarianceThreshold()),
        new("VarianceThreshold(1)", () => new VarianceThreshold(1)),
        new("SelectKBest(F, 2)", () => new SelectKBest(FeatureScore.FClassif, K: 2), Supervised),
        new("SelectKBest(MI, 1)", () => new SelectKBest(FeatureScore.MutualInformation, K: 1), Supervised),
        new("SelectKBest(F, 50%)", () => new SelectKBest(Fraction: 0.5), Supervised),
        new("SelectFromModel(correlation)", () => new SelectFromModel(new CorrelationImportance())),
        new("SelectFromModel(correlation, top 1)", () => new SelectFromModel(new CorrelationImportance(), ImportanceThreshold.Top(1))),
    ];
}
