namespace Pipelines.Trainers.Tests.Mlp;

/// <summary>Data files of the repository, found by walking up from the test binary to Pipelines.sln.</summary>
internal static class RepoData
{
    public static string Path(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Pipelines.sln"))) return System.IO.Path.Combine(dir.FullName, "data", name);
        }
        throw new InvalidOperationException("Pipelines.sln not found above " + AppContext.BaseDirectory);
    }
}
