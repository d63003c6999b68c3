using System.Text.Json.Nodes;
using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.Store;
using Pipelines.Cli.Output;

namespace Pipelines.Cli.Tests;

[TestClass]
public sealed class SearchProgressTests
{
    [TestMethod]
    public void Plain_lines_show_trials_started_before_the_first_ends_and_new_best_only_for_the_trial_that_set_it()
    {
        using var output = new StringWriter();
        var progress = new SearchProgress(Terminal.Create(output), "Accuracy");
        progress.On(new TrialStarted(5, "extra_trees", TimeSpan.FromSeconds(1)));
        progress.On(new TrialStarted(6, "gbdt", TimeSpan.FromSeconds(1)));
        // A resumed study: replayed trials already reached 0.9, so the first trial to end at 0.8 is no new best.
        progress.On(new TrialEnded(Entry(5, 0.8), 6, 0.9, TimeSpan.FromSeconds(30), null));
        progress.On(new TrialStarted(7, "linear", TimeSpan.FromSeconds(30)));
        progress.On(new TrialEnded(Entry(6, 0.95), 7, 0.95, TimeSpan.FromSeconds(31), null));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(4, lines, output.ToString());
        Assert.Contains("trial   5 extra_trees    started", lines[0]);
        Assert.Contains("trial   6 gbdt           started", lines[1]);
        Assert.DoesNotContain("new best", lines[2]);
        Assert.EndsWith("new best", lines[3].TrimEnd());
    }

    private static TrialEntry Entry(int id, double score) => new(
        id, id == 5 ? "extra_trees" : "gbdt", new JsonObject(), null, TrialStatus.Succeeded, score, [score], 1.0, null, 0, id, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
}
