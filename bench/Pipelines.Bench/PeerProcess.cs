using System.Diagnostics;

namespace Pipelines.Bench;

/// <summary>
/// Runs a peer's script with Debian's /usr/bin/python3 (where python3-sklearn, -xgboost, -optuna install), with
/// OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE removed from its environment: set on some machines for our own builds, they
/// make OpenBLAS run kernels meant for another CPU, and the peer is measured at its best.
/// </summary>
internal static class PeerProcess
{
    public const string Interpreter = "/usr/bin/python3";

    /// <summary>Null when the interpreter imports <paramref name="modules"/>; otherwise what is missing and how to install it.</summary>
    public static string? Unavailable(string modules, string installHint)
    {
        if (!File.Exists(Interpreter)) return $"{Interpreter} not found; the peers need Debian's python3.";
        var (exit, _, error) = Run(["-c", $"import {modules}"]);
        return exit == 0 ? null : $"{Interpreter} cannot import {modules} ({error.Trim().Split('\n')[^1]}); {installHint}";
    }

    /// <summary>Runs the interpreter with <paramref name="arguments"/>; returns its exit code, stdout and stderr.</summary>
    public static (int Exit, string Output, string Error) Run(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        info.Environment.Remove("OPENBLAS_CORETYPE");
        info.Environment.Remove("OPENBLAS_L2_SIZE");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
