namespace Pipelines.AutoML.Tests.Store;

/// <summary>A fresh folder under the system temp path, deleted with everything in it on Dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pipelines-store-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>A test class whose every test gets its own <see cref="TempFolder"/> (MSTest makes an instance per test and disposes it).</summary>
public abstract class TempFolderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    /// <summary>A path for <paramref name="name"/> inside this test's folder.</summary>
    protected string FileIn(string name) => _folder.File(name);

    /// <summary>Writes a CSV file of <paramref name="header"/> and <paramref name="rows"/> lines made by <paramref name="row"/> in this test's folder; its path.</summary>
    protected string CsvIn(string name, string header, int rows, Func<string> row)
    {
        var path = FileIn(name);
        File.WriteAllLines(path, [header, .. Enumerable.Range(0, rows).Select(_ => row())]);
        return path;
    }

    public void Dispose()
    {
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }
}
