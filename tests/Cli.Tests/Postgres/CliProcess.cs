using System.Diagnostics;
using System.Text;

namespace Pipelines.Cli.Tests.Postgres;

/// <summary>
/// The real CLI in a child process (<c>dotnet Pipelines.Cli.dll ...</c>, the build next to this test binary), its
/// output collected as it comes, so a test can watch it, kill it with SIGKILL, and read what it printed.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private CliProcess(Process process) => _process = process;

    public static CliProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Pipelines.Cli.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["CI"] = "true";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var cli = new CliProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        cli._process.OutputDataReceived += (_, e) => cli.Append(e.Data);
        cli._process.ErrorDataReceived += (_, e) => cli.Append(e.Data);
        cli._process.Start();
        cli._process.BeginOutputReadLine();
        cli._process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>Runs the CLI to the end and returns its exit code and output.</summary>
    public static (int Code, string Output) Run(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var cli = Start(environment, arguments);
        return (cli.WaitForExit(TimeSpan.FromMinutes(3)), cli.Output);
    }

    /// <summary>Everything printed so far (stdout and stderr interleaved by line).</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Ends the process with SIGKILL: no cleanup, no last heartbeat or result.</summary>
    public void Kill() => _process.Kill(entireProcessTree: false);

    /// <summary>Waits for the process to end (killing it after <paramref name="timeout"/>); its exit code.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The CLI did not exit within {timeout.TotalSeconds} s; output so far:\n{Output}");
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
