using System.Collections.Concurrent;
using System.Diagnostics;

namespace Pipelines.Tests;

/// <summary>
/// The Debian packages tests use as references or services (Python libraries, Chromium, PostgreSQL). A test calls
/// <see cref="Require"/> for the package it needs: nothing happens when it is installed; as root, every missing
/// package of <see cref="All"/> is installed with apt-get at once, under a machine-wide lock, so `dotnet test` on a fresh
/// machine installs them once whatever test asks first; otherwise the test is Inconclusive, naming the package and the
/// command that installs it.
/// </summary>
public static class DebianPackages
{
    /// <summary>Every package some test needs.</summary>
    public static IReadOnlyList<string> All { get; } = ["python3-sklearn", "python3-imblearn", "python3-onnx", "chromium", "postgresql"];

    private const string AptGet = "/usr/bin/apt-get";
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(20);
    private static readonly ConcurrentDictionary<string, bool> s_installed = new(StringComparer.Ordinal);
    private static readonly Lock s_gate = new();
    private static string? s_failure;

    /// <summary>The file whose exclusive lock serializes installs across test processes (test projects run in parallel).</summary>
    public static string LockFile { get; } = Path.Combine(Path.GetTempPath(), "pipelines-test-packages.lock");

    /// <summary>
    /// Makes sure <paramref name="package"/> is installed. As root, installs what is missing (failing the test with
    /// apt-get's output when that fails); as another user, marks the test Inconclusive with the install command.
    /// </summary>
    public static void Require(string package)
    {
        ArgumentException.ThrowIfNullOrEmpty(package);
        if (IsInstalled(package)) return;
        if (WhyNotInstalled(package, File.Exists(AptGet), Environment.IsPrivilegedProcess) is { } reason) Assert.Inconclusive(reason);
        lock (s_gate)
        {
            if (s_failure is not null) Assert.Fail(s_failure);
            if (!IsInstalled(package)) InstallUnderMachineLock(package);
        }
    }

    /// <summary>
    /// Why a missing <paramref name="package"/> stays missing (the test's skip reason, naming the install command), or
    /// null when this process installs it (root on a system with apt-get).
    /// </summary>
    public static string? WhyNotInstalled(string package, bool hasAptGet, bool isRoot)
    {
        if (!hasAptGet) return $"Debian package {package} is missing and this system has no apt-get: install its equivalent ('apt-get install {package}' on Debian).";
        if (!isRoot) return $"Debian package {package} is missing: run 'sudo apt-get install {package}', or run the tests as root, which installs it.";
        return null;
    }

    private static void InstallUnderMachineLock(string package)
    {
        using var machineLock = AcquireLock();
        // Another test process may have installed everything while this one waited.
        var missing = Missing(All.Contains(package) ? All : [.. All, package]);
        missing.Sort(StringComparer.Ordinal);
        if (missing.Count == 0) return;
        var (updateCode, updateOutput) = Apt("update", "-qq");
        var (code, output) = updateCode == 0 ? Apt(["install", "-y", "-qq", .. missing]) : (updateCode, updateOutput);
        foreach (var name in missing) s_installed.TryRemove(name, out _);
        if (code != 0 || !IsInstalled(package))
        {
            s_failure = $"Installing the Debian packages the tests need ({string.Join(' ', missing)}) failed with exit code {code}:\n{output}";
            Assert.Fail(s_failure);
        }
    }

    private static FileStream AcquireLock()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive flock on Unix: other processes wait here until this one disposes it.
                return new FileStream(LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (clock.Elapsed < LockWait)
            {
                Thread.Sleep(500);
            }
        }
    }

    private static List<string> Missing(IEnumerable<string> packages) => [.. packages.Where(p => !IsInstalled(p))];

    /// <summary>Whether dpkg reports <paramref name="package"/> installed; true answers are kept for the process.</summary>
    public static bool IsInstalled(string package)
    {
        if (s_installed.ContainsKey(package)) return true;
        var (code, output) = Run("dpkg-query", ["-W", "-f=${db:Status-Status}", package]);
        var installed = code == 0 && output.Trim() == "installed";
        if (installed) s_installed.TryAdd(package, true);
        return installed;
    }

    private static (int Code, string Output) Apt(params string[] arguments) =>
        // Waits for another apt/dpkg (a person's, or a script's) instead of failing on its lock.
        Run(AptGet, ["-o", "DPkg::Lock::Timeout=600", .. arguments], ("DEBIAN_FRONTEND", "noninteractive"));

    private static (int Code, string Output) Run(string executable, string[] arguments, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output + error.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"{executable}: {e.Message}");
        }
    }
}
