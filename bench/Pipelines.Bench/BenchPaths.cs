namespace Pipelines.Bench;

/// <summary>Where the repository's files are, found from the bench executable's folder upwards.</summary>
internal static class BenchPaths
{
    /// <summary>The repository root: the first folder above the executable that holds Pipelines.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A script in bench/scripts.</summary>
    public static string Script(string name)
    {
        var path = Path.Combine(Root, "bench", "scripts", name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} not found");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipelines.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Pipelines.sln not found above " + AppContext.BaseDirectory + "; run the bench from the repository.");
    }
}
