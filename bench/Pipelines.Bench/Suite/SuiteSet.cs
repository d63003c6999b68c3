using System.Globalization;

namespace Pipelines.Bench.Suite;

/// <summary>
/// A data set of the suite, from the manifest that bench/suite/setup-data.sh writes beside the CSV files (name, file,
/// label, task, rows, columns, ...; tab-separated with a header).
/// </summary>
internal sealed record SuiteSet(string Name, string Path, string Label, string Task, int Rows, int Columns)
{
    /// <summary>The sets of the quick mode: small, mid-size, wide, many classes, imbalanced, categorical with missing values, regression.</summary>
    public static readonly string[] Quick = ["ionosphere", "vowel", "attrition", "pd_speech", "hmda", "income", "cells", "ames"];

    public const string DefaultFolder = ".cache/suite-data";

    public static IReadOnlyList<SuiteSet> ReadManifest(string folder)
    {
        var manifest = System.IO.Path.Combine(folder, "manifest.tsv");
        if (!File.Exists(manifest))
            throw new BenchUsageException($"{manifest} not found: name the sets' folder with data=, or run bench/suite/setup-data.sh first (it installs R's data packages from Debian and exports the sets).");
        var lines = File.ReadAllLines(manifest);
        var header = lines[0].Split('\t');
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"{manifest}: no '{name}' column");
        var (name, file, label, task, rows, columns) = (Column("name"), Column("file"), Column("label"), Column("task"), Column("rows"), Column("columns"));
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(f => new SuiteSet(
            f[name], System.IO.Path.Combine(folder, f[file]), f[label], f[task],
            int.Parse(f[rows], CultureInfo.InvariantCulture), int.Parse(f[columns], CultureInfo.InvariantCulture)))];
    }

    /// <summary>The sets of <paramref name="all"/> (read from <paramref name="folder"/>) named in <paramref name="names"/>, in that order.</summary>
    public static List<SuiteSet> Named(IReadOnlyList<SuiteSet> all, IEnumerable<string> names, string folder) =>
        [.. names.Select(n => all.FirstOrDefault(s => s.Name == n)
            ?? throw new BenchUsageException($"no set '{n}' in {folder}/manifest.tsv: use sets= with some of {string.Join(",", all.Select(s => s.Name))}"))];
}
