using Pipelines.Errors;

namespace Pipelines.Cli.Commands;

/// <summary>The check every command makes on a file it reads, so a missing file or a folder is one clear error.</summary>
internal static class InputFile
{
    /// <summary>Throws when <paramref name="path"/> is a folder or does not exist; <paramref name="what"/> says what to pass instead.</summary>
    public static void Check(string path, string what)
    {
        if (Directory.Exists(path)) throw new PipelineException($"{path}: is a folder, not a file. {what}.");
        if (!File.Exists(path)) throw new PipelineException($"{path}: no such file. {what}.");
    }
}
