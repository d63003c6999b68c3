using System.IO.Compression;

namespace Pipelines.Tests.Data;

/// <summary>
/// Checks the files under data/ by reading lines directly (no CSV reader): header, row count and labels.
/// No shipped file has a quoted newline, so one line is one row.
/// </summary>
[TestClass]
public sealed class ShippedDataTests
{
    [TestMethod]
    public void BreastCancer()
    {
        var lines = Read("breast_cancer.csv");
        var header = lines[0].Split(',');
        Assert.AreEqual(31, header.Length);
        Assert.AreEqual("mean radius", header[0]);
        Assert.AreEqual("worst fractal dimension", header[29]);
        CheckBody(lines, rows: 569, "diagnosis", new() { ["malignant"] = 212, ["benign"] = 357 });
    }

    [TestMethod]
    public void Iris()
    {
        var lines = Read("iris.csv");
        Assert.AreEqual("sepal length (cm),sepal width (cm),petal length (cm),petal width (cm),species", lines[0]);
        CheckBody(lines, rows: 150, "species", new() { ["setosa"] = 50, ["versicolor"] = 50, ["virginica"] = 50 });
    }

    [TestMethod]
    public void Wine()
    {
        var lines = Read("wine.csv");
        var header = lines[0].Split(',');
        Assert.AreEqual(14, header.Length);
        Assert.AreEqual("alcohol", header[0]);
        Assert.AreEqual("proline", header[12]);
        CheckBody(lines, rows: 178, "cultivar", new() { ["class_0"] = 59, ["class_1"] = 71, ["class_2"] = 48 });
    }

    [TestMethod]
    public void DigitsIsGzipped()
    {
        var lines = Read("digits.csv.gz");
        var header = lines[0].Split(',');
        Assert.AreEqual(65, header.Length);
        Assert.AreEqual("pixel_0_0", header[0]);
        Assert.AreEqual("pixel_7_7", header[63]);
        var expected = Enumerable.Range(0, 10).ToDictionary(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture), _ => -1);
        CheckBody(lines, rows: 1797, "digit", expected);
    }

    [TestMethod]
    public void MessyChurn()
    {
        var lines = Read("messy_churn.csv");
        Assert.AreEqual(
            "customer_id,tenure_months,monthly_charges,total_charges,contract,payment_method,internet_service," +
            "data_usage_gb,support_calls,city,country,fax_number,notes,churned", lines[0]);
        Assert.AreEqual(3001, lines.Length);
        var body = lines.Skip(1).ToArray();
        // Exact duplicate rows: 60 (2%).
        Assert.AreEqual(60, body.Length - body.Distinct(StringComparer.Ordinal).Count());
        // The label is the last field and never quoted; ~8% yes.
        var yes = body.Count(l => l.EndsWith(",yes", StringComparison.Ordinal));
        var no = body.Count(l => l.EndsWith(",no", StringComparison.Ordinal));
        Assert.AreEqual(3000, yes + no);
        Assert.IsTrue(yes is > 200 and < 300, $"{yes} churned");
        // The messiness the file exists for: quoted commas, NA and ? tokens.
        Assert.IsTrue(body.Any(l => l.Contains("\"Bank transfer, automatic\"", StringComparison.Ordinal)));
        Assert.IsTrue(body.Any(l => l.Contains(",NA,", StringComparison.Ordinal)));
        Assert.IsTrue(body.Any(l => l.Contains(",?,", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void EveryFileIsSmallAndDocumented()
    {
        var readme = File.ReadAllText(Path.Combine(DataDirectory, "README.md"));
        foreach (var file in Directory.EnumerateFiles(DataDirectory).Where(f => f.EndsWith(".csv", StringComparison.Ordinal) || f.EndsWith(".csv.gz", StringComparison.Ordinal)))
        {
            Assert.IsTrue(new FileInfo(file).Length < 5_000_000, $"{file} is over 5 MB");
            StringAssert.Contains(readme, $"`{Path.GetFileName(file)}`");
        }
    }

    /// <summary>Every row has as many fields as the header and a label from <paramref name="counts"/> (-1: any count).</summary>
    private static void CheckBody(string[] lines, int rows, string label, Dictionary<string, int> counts)
    {
        var header = lines[0].Split(',');
        Assert.AreEqual(label, header[^1]);
        Assert.AreEqual(rows + 1, lines.Length, "row count");
        var seen = new Dictionary<string, int>();
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(',');
            Assert.AreEqual(header.Length, fields.Length, line);
            Assert.IsTrue(counts.ContainsKey(fields[^1]), $"unexpected label '{fields[^1]}'");
            seen[fields[^1]] = seen.GetValueOrDefault(fields[^1]) + 1;
        }
        foreach (var (name, count) in counts)
        {
            Assert.IsTrue(seen.ContainsKey(name), $"label '{name}' never occurs");
            if (count >= 0) Assert.AreEqual(count, seen[name], name);
        }
    }

    private static string[] Read(string name)
    {
        var path = Path.Combine(DataDirectory, name);
        Assert.IsTrue(File.Exists(path), $"{path} is missing; run the scripts in data/scripts.");
        if (!name.EndsWith(".gz", StringComparison.Ordinal)) return [.. File.ReadLines(path)];
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return [.. lines];
    }

    private static string DataDirectory
    {
        get
        {
            // The repository root is the first ancestor of the test binaries that holds the solution file.
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Pipelines.sln"))) return Path.Combine(dir.FullName, "data");
            }
            throw new InvalidOperationException($"No Pipelines.sln above {AppContext.BaseDirectory}.");
        }
    }
}
