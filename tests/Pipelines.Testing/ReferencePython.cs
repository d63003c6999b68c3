using System.Diagnostics;

namespace Pipelines.Tests;

/// <summary>
/// Runs a script under Debian's Python, where python3-sklearn and python3-imblearn install (.ci/setup-debian-packages),
/// for tests that compare with a reference library. Not the pyenv python3 that may come first on PATH.
/// </summary>
public static class ReferencePython
{
    public const string Executable = "/usr/bin/python3";

    /// <summary>
    /// Runs <paramref name="script"/> with <paramref name="arguments"/> and returns what it printed. The test is
    /// Inconclusive when Python or a module it imports is missing, and fails on any other error or after 60 s.
    /// </summary>
    public static string Run(string script, params string[] arguments)
    {
        if (!File.Exists(Executable)) Assert.Inconclusive($"{Executable} is not installed, so the reference library cannot run.");
        var folder = Directory.CreateTempSubdirectory("reference-python-");
        try
        {
            var path = Path.Combine(folder.FullName, "reference.py");
            File.WriteAllText(path, script);
            var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(path);
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill();
                Assert.Fail("The reference script did not finish in 60 s.");
            }
            if (process.ExitCode != 0)
            {
                if (error.Result.Contains("ModuleNotFoundError", StringComparison.Ordinal))
                    Assert.Inconclusive($"{Executable} lacks a module (see .ci/setup-debian-packages): {error.Result.Trim()}");
                Assert.Fail($"The reference script failed: {error.Result}");
            }
            return output.Result;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
