using Pipelines.Data;
using Pipelines.IO;

namespace Pipelines.AutoML.Tests.Experiments;

/// <summary>Shipped data sets, found from the test binary's folder.</summary>
internal static class TestData
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipelines.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Pipelines.sln not found above " + AppContext.BaseDirectory);
    });

    public static DataFrame Read(string file, string label) => CsvReader.Read(Path.Combine(Root.Value, "data", file), new CsvOptions { Label = label });

    public static DataFrame Iris() => Read("iris.csv", "species");
}
