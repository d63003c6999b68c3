using System.Diagnostics;
using System.Text;

namespace Pipelines.Cli.Tests;

/// <summary>
/// Runs every script in examples/ as users do (`dotnet run examples/NAME.cs -- OUTPUT_FOLDER`), so a new example is
/// covered as soon as it is added. Each must exit with 0 and end by printing <see cref="Marker"/>. Scripts take an
/// optional output folder as their first argument; each run gets a fresh one. Serialized: concurrent builds of
/// file-based apps would fight over the obj folders of the src projects they reference.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ExamplesTests
{
    /// <summary>The line every example prints last when it succeeded.</summary>
    public const string Marker = "example finished: OK";

    /// <summary>Generous: the first build of a file-based app compiles the src projects it references.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    /// <summary>How long to wait for the last output after the script exited.</summary>
    private static readonly TimeSpan OutputGrace = TimeSpan.FromSeconds(30);

    public static IEnumerable<object[]> Scripts =>
        Directory.GetFiles(Path.Combine(RepoPaths.Root, "examples"), "*.cs").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [TestMethod]
    [TestCategory("EndToEnd")]
    [DynamicData(nameof(Scripts))]
    public void Example_runs_to_its_end_marker(string script)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"example-{Path.GetFileNameWithoutExtension(script)}-{Guid.NewGuid():N}");
        try
        {
            var run = Run(Path.Combine(RepoPaths.Root, "examples", script), folder);
            var context = $"dotnet run examples/{script} exited with {run.ExitCode}\n--- stdout ---\n{run.Output}\n--- stderr ---\n{run.Error}";
            Assert.AreEqual(0, run.ExitCode, context);
            var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.AreEqual(Marker, lines.LastOrDefault(), context);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static CliRun Run(string script, string outputFolder)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "run", script, "--", outputFolder }) start.ArgumentList.Add(arg);
        // Build nodes and servers left running would hold the output pipes open after the script exits.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // Set by the `dotnet test` that runs us; the child SDK must find its own MSBuild.
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH" }) start.Environment.Remove(name);

        using var process = new Process { StartInfo = start };
        var (output, outputDone) = Collect(process, stdout: true);
        var (error, errorDone) = Collect(process, stdout: false);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"{script} did not finish within {Timeout.TotalMinutes} minutes.\n--- stdout ---\n{Text(output)}\n--- stderr ---\n{Text(error)}");
        }
        Task.WaitAll([outputDone.Task, errorDone.Task], OutputGrace);
        return new CliRun(process.ExitCode, Text(output), Text(error));
    }

    /// <summary>Collects one stream's lines; the task completes at the end of the stream.</summary>
    private static (StringBuilder Text, TaskCompletionSource Done) Collect(Process process, bool stdout)
    {
        var text = new StringBuilder();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                done.TrySetResult();
                return;
            }
            lock (text) text.AppendLine(e.Data);
        }
        if (stdout) process.OutputDataReceived += OnLine;
        else process.ErrorDataReceived += OnLine;
        return (text, done);
    }

    private static string Text(StringBuilder text)
    {
        lock (text) return text.ToString();
    }
}
