using System.Diagnostics;
using Pipelines.Tests;

namespace Pipelines.AutoML.Tests.Reporting;

/// <summary>Runs the Debian chromium package headless: dumps a page's DOM after load, or screenshots it.</summary>
internal static class Chromium
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>
    /// The chromium executable on PATH, after requiring Debian's chromium package (installed as root, else the test is
    /// Inconclusive: see <see cref="DebianPackages"/>).
    /// </summary>
    public static string Find()
    {
        DebianPackages.Require("chromium");
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "chromium", "chromium-browser" })
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        Assert.Fail("The Debian package chromium is installed, but no chromium executable is on PATH (" + path + ").");
        return null!;
    }

    /// <summary>The DOM of <paramref name="page"/> after it loaded and its scripts ran.</summary>
    public static string DumpDom(string executable, string page, string scratch) =>
        Run(executable, scratch, "--dump-dom", "--virtual-time-budget=5000", new Uri(page).AbsoluteUri);

    /// <summary>Screenshots <paramref name="page"/> at <paramref name="width"/> × <paramref name="height"/> into <paramref name="png"/>.</summary>
    public static void Screenshot(string executable, string page, string png, int width, int height, string scratch)
    {
        Run(executable, scratch, $"--screenshot={png}", $"--window-size={width},{height}", "--hide-scrollbars", new Uri(page).AbsoluteUri);
        Assert.IsTrue(File.Exists(png), $"chromium wrote no screenshot to {png}");
    }

    private static string Run(string executable, string scratch, params string[] arguments)
    {
        // Each run gets its own profile, so parallel runs never attach to one another's browser.
        var profile = Directory.CreateDirectory(Path.Combine(scratch, "profile-" + Guid.NewGuid().ToString("N")));
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-dev-shm-usage", $"--user-data-dir={profile.FullName}" }.Concat(arguments))
            start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"chromium did not finish within {Timeout.TotalSeconds} s: {string.Join(' ', arguments)}");
        }
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, $"chromium failed ({string.Join(' ', arguments)}):\n{Tail(errors.Result)}");
        return output.Result;
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];
}
