using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Pipelines.Tests;

/// <summary>
/// Runs a script under Debian's Python, where python3-sklearn, python3-imblearn and python3-onnx install, for tests that
/// compare with a reference library. Not the pyenv python3 that may come first on PATH.
/// </summary>
public static partial class ReferencePython
{
    public const string Executable = "/usr/bin/python3";

    // The Debian package of each top-level module a reference script may import.
    private static readonly Dictionary<string, string> s_packages = new(StringComparer.Ordinal)
    {
        ["sklearn"] = "python3-sklearn",
        ["imblearn"] = "python3-imblearn",
        ["onnx"] = "python3-onnx",
        ["numpy"] = "python3-numpy",
        ["scipy"] = "python3-scipy",
    };

    /// <summary>
    /// Runs <paramref name="script"/> with <paramref name="arguments"/> and returns what it printed. The Debian packages of
    /// the modules it imports are required first (<see cref="DebianPackages.Require"/>: installed as root, else the test
    /// is Inconclusive); the test fails on any other error or after 60 s.
    /// </summary>
    public static string Run(string script, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(script);
        foreach (var package in Packages(script)) DebianPackages.Require(package);
        if (!File.Exists(Executable)) Assert.Inconclusive($"{Executable} is not installed, so the reference library cannot run: run 'sudo apt-get install python3'.");
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
            if (process.ExitCode != 0) Assert.Fail($"The reference script failed: {error.Result}");
            return output.Result;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The Debian packages of the modules <paramref name="script"/> imports ("import numpy as np, x", "from sklearn.y import z").</summary>
    public static IEnumerable<string> Packages(string script)
    {
        var modules = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match line in ImportLine().Matches(script))
        {
            var names = line.Groups["from"].Success ? [line.Groups["from"].Value] : line.Groups["import"].Value.Split(',');
            foreach (var name in names) modules.Add(name.Trim().Split(' ', '.')[0]);
        }
        return modules.Where(s_packages.ContainsKey).Select(m => s_packages[m]).Order(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^[ \t]*(?:from[ \t]+(?<from>[A-Za-z_]\w*)|import[ \t]+(?<import>[^\r\n#]+))", RegexOptions.Multiline)]
    private static partial Regex ImportLine();
}
