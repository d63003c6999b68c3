using Pipelines.Bench.AutoML;
using Pipelines.Data;

namespace Pipelines.Bench.Suite;

/// <summary>One split of one suite set, as every tool sees it: the seeded stratified 75/25 split of the set's CSV file.</summary>
internal sealed record SuiteCase(SuiteSet Set, int Split, BenchSplit Data)
{
    public bool IsClassification => Data.Target.IsClassification;

    public string Task => IsClassification ? "classification" : "regression";

    /// <summary>The test rows (rows of the whole set, in test-part order).</summary>
    public IReadOnlyList<int> TestRows => Data.Fold.Test;

    /// <summary>The categorical feature columns (free text left out, as the experiment leaves it out).</summary>
    public IReadOnlyList<string> Categorical =>
        [.. Data.Train.Schema.Features.Where(c => c.Kind == ColumnKind.Categorical).Select(c => c.Name)];

    public static SuiteCase Read(SuiteSet set, int split) => new(set, split, BenchSplit.Read(set.Path, set.Label, split));
}
