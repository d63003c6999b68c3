using Pipelines.IO;
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

    /// <summary>
    /// Writes the train and test parts (free text left out) as train.csv and test.csv in a new temporary folder, returns
    /// what <paramref name="run"/> makes of their paths, and deletes the folder (so <paramref name="run"/> must not
    /// return a lazy sequence that reads them later).
    /// </summary>
    public T WithCsvFiles<T>(string prefix, Func<string, string, T> run)
    {
        var folder = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var train = Path.Combine(folder, "train.csv");
            var test = Path.Combine(folder, "test.csv");
            CsvWriter.Write(Data.Train.Without(Data.TextColumns), train);
            CsvWriter.Write(Data.Test.Without(Data.TextColumns), test);
            return run(train, test);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The split of <paramref name="set"/> read for the manifest's task (a label of a few whole numbers to regress stays values).</summary>
    public static SuiteCase Read(SuiteSet set, int split) =>
        new(set, split, BenchSplit.Read(set.Path, set.Label, split, set.Task == "regression" ? TaskChoice.Regression : TaskChoice.Classification));
}
