using Pipelines.AutoML.Store;
using Pipelines.Cli.Tests.Postgres;

namespace Pipelines.Cli.Tests;

/// <summary>The AutoML issue's resume promise, with a real process killed by SIGKILL in the middle of its search.</summary>
[TestClass]
public sealed class AutoMLKillResumeTests
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    [TestMethod]
    [TestCategory("EndToEnd")]
    public void A_killed_run_resumes_from_its_store_without_rerunning_finished_trials()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"automl-kill-{Guid.NewGuid():N}");
        string[] args = ["automl", RepoPaths.Data("messy_churn.csv"), "--label", "churned", "--trials", "30", "--out", folder];
        try
        {
            using (var first = CliProcess.Start(NoEnvironment, args))
            {
                var until = DateTime.UtcNow.AddMinutes(3);
                while (!first.HasExited && Lines(first.Output) < 6 && DateTime.UtcNow < until) Thread.Sleep(50);
                Assert.IsFalse(first.HasExited, "the run ended before it could be killed:\n" + first.Output);
                first.Kill();
                first.WaitForExit(TimeSpan.FromSeconds(30));
            }
            Assert.IsFalse(File.Exists(Path.Combine(folder, "metrics.json")), "a killed run leaves nothing that looks complete");
            var before = Trials(folder);
            var finished = before.Where(t => t.ReportOrder is not null).ToDictionary(t => t.Id);
            Assert.IsGreaterThanOrEqualTo(6, finished.Count);
            Assert.IsLessThan(30, finished.Count);

            var (code, output) = CliProcess.Run(NoEnvironment, args);
            Assert.AreEqual(0, code, output);
            var after = Trials(folder);
            Assert.HasCount(30, after);
            Assert.IsTrue(after.All(t => t.Status is TrialStatus.Succeeded or TrialStatus.Failed), output);
            foreach (var (id, entry) in finished)
                Assert.AreEqual(entry.StartedAt, after[id].StartedAt, $"trial {id} finished before the kill and must not run again");
            Assert.AreEqual(30, File.ReadAllLines(Path.Combine(folder, "leaderboard.csv")).Length - 1, "the leaderboard holds both runs' trials");
            Assert.IsTrue(File.Exists(Path.Combine(folder, "metrics.json")));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Lines of finished trials (a trial started before the first one ends has a line too, ending in "started").</summary>
    private static int Lines(string output) =>
        output.Split('\n').Count(l => l.Contains("] trial ", StringComparison.Ordinal) && !l.TrimEnd().EndsWith(" started", StringComparison.Ordinal));

    private static IReadOnlyList<TrialEntry> Trials(string folder)
    {
        using var store = SqliteTrialStore.Open(Path.Combine(folder, "trials.db"));
        return store.Trials("automl");
    }
}
