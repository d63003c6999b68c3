namespace Pipelines.Cli.Tests;

/// <summary>Help and usage name the tool as users type it, `pipelines`, never the assembly (Pipelines.Cli).</summary>
[TestClass]
public sealed class HelpTests
{
    [TestMethod]
    public void Root_help_names_the_tool()
    {
        var run = CliRun.Of("--help");
        Assert.AreEqual(CliApp.Ok, run.ExitCode, run.Error);
        StringAssert.Contains(run.Output, "Usage:\n  pipelines [command] [options]".ReplaceLineEndings());
        Assert.DoesNotContain("Pipelines.Cli", run.Output);
    }

    [TestMethod]
    [DataRow("profile")]
    [DataRow("automl")]
    [DataRow("export")]
    [DataRow("predict")]
    [DataRow("sweep")]
    [DataRow("sweep", "create")]
    [DataRow("sweep", "worker")]
    [DataRow("sweep", "status")]
    [DataRow("sweep", "best")]
    [DataRow("sweep", "export")]
    public void Each_commands_usage_names_the_tool(string command, string? subcommand = null)
    {
        string[] path = subcommand is null ? [command] : [command, subcommand];
        var run = CliRun.Of([.. path, "--help"]);
        Assert.AreEqual(CliApp.Ok, run.ExitCode, run.Error);
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var usage = lines[lines.IndexOf("Usage:") + 1].Trim();
        // Subcommands of `sweep` show its <space> argument before their own name ("pipelines sweep <space> worker").
        StringAssert.StartsWith(usage, $"pipelines {command} ");
        if (subcommand is not null) Assert.Contains($" {subcommand} ", usage + " ");
        Assert.DoesNotContain("Pipelines.Cli", run.Output);
    }

    [TestMethod]
    public void A_usage_error_points_at_the_tools_help()
    {
        var run = CliRun.Of("no-such-command");
        Assert.AreEqual(CliApp.BadInput, run.ExitCode);
        StringAssert.EndsWith(run.Error.TrimEnd(), "Run 'pipelines --help' for usage.");
        Assert.DoesNotContain("Pipelines.Cli", run.Error);
    }
}
