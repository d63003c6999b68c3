using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipelines.AutoML.Store;

namespace Pipelines.Cli.Tests.Postgres;

/// <summary>
/// A study run by several `pipelines sweep worker` processes sharing a real PostgreSQL server on loopback, one of them
/// killed with SIGKILL in the middle of a trial.
/// </summary>
[TestClass]
public sealed partial class PostgresSweepEndToEndTests
{
    /// <summary>12 grid points of GBDT on iris; a trial takes about a second on one thread.</summary>
    private const string SlowSpace = """{"rounds": {"choice": [120, 200, 280]}, "num_leaves": {"choice": [4, 16]}, "learning_rate": {"choice": [0.1, 0.3]}}""";

    /// <summary>12 quick grid points.</summary>
    private const string QuickSpace = """{"rounds": {"choice": [4, 8, 12]}, "num_leaves": {"choice": [4, 16]}, "learning_rate": {"choice": [0.1, 0.3]}}""";

    private const int Trials = 12;

    public TestContext TestContext { get; set; } = null!;

    [GeneratedRegex(@"trial +(\d+) finished:")]
    private static partial Regex FinishedLine();

    [TestMethod]
    [TestCategory("EndToEnd")]
    public void Four_workers_finish_every_trial_exactly_once_when_one_is_killed_mid_trial()
    {
        var (server, database, environment, url) = NewDatabase();
        var outputs = new List<string> { Create(environment, url, SlowSpace, "e2e", "--grace", "4") };

        var workers = Enumerable.Range(0, 4).Select(w => CliProcess.Start(environment,
            "sweep", "worker", "--storage", url, "--study", "e2e", "--worker-id", $"w{w}", "--threads", "1")).ToList();
        int killedTrial;
        try
        {
            using var store = TrialStores.OpenShared(server.UrlWithPassword(database));
            killedTrial = WaitForRunningTrial(store, "w1", workers[1]);
            workers[1].Kill();
            TestContext.WriteLine($"killed w1 while it ran trial {killedTrial}");
            foreach (var (worker, i) in workers.Select((w, i) => (w, i)).Where(p => p.i != 1))
                Assert.AreEqual(CliApp.Ok, worker.WaitForExit(TimeSpan.FromMinutes(4)), worker.Output);
            workers[1].WaitForExit(TimeSpan.FromSeconds(30));
            outputs.AddRange(workers.Select(w => w.Output));

            var items = store.WorkItems("e2e");
            var log = string.Join("\n", outputs);
            Assert.HasCount(Trials, items, log);
            Assert.IsTrue(items.All(i => i.Trial.Status == TrialStatus.Succeeded), log);
            CollectionAssert.AreEqual(Enumerable.Range(0, Trials).ToArray(), items.Select(i => i.Trial.ReportOrder!.Value).Order().ToArray(),
                "each trial was recorded once");
            var finished = FinishedLine().Matches(log).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            CollectionAssert.AreEqual(Enumerable.Range(0, Trials).ToArray(), finished.Order().ToArray(), "every trial finished exactly once\n" + log);

            var rerun = items[killedTrial];
            Assert.IsGreaterThanOrEqualTo(2, rerun.Attempts, "the killed trial was claimed again");
            Assert.AreNotEqual("w1", rerun.Worker, "another worker ran the killed trial");
            StringAssert.Contains(log, $"trial {killedTrial,3} re-queued: worker w1 stopped heart-beating");
            Assert.DoesNotContain($"trial {killedTrial,3} finished", workers[1].Output);

            var best = CliProcess.Run(environment, "sweep", "best", "--storage", url, "--study", "e2e", "--json");
            outputs.Add(best.Output);
            Assert.AreEqual(CliApp.Ok, best.Code, best.Output);
            var json = JsonNode.Parse(best.Output)!;
            var top = items.Max(i => i.Trial.Score!.Value);
            Assert.AreEqual(top, (double)json["score"]!, "the best result is the best of all recorded trials");
            Assert.AreEqual(top, items[(int)json["trial"]!].Trial.Score);

            var status = CliProcess.Run(environment, "sweep", "status", "--storage", url, "--study", "e2e");
            outputs.Add(status.Output);
            StringAssert.Contains(status.Output, $"{Trials} of {Trials} trial(s) finished");
            StringAssert.Contains(status.Output, "Complete.");
        }
        finally
        {
            foreach (var worker in workers) worker.Dispose();
        }
        foreach (var output in outputs) Assert.DoesNotContain(server.Password, output, "the password never shows");
    }

    [TestMethod]
    [TestCategory("EndToEnd")]
    public void A_grid_gives_the_same_trials_with_one_worker_and_with_four()
    {
        var (server, database, environment, url) = NewDatabase();
        foreach (var study in new[] { "one", "four" }) Create(environment, url, QuickSpace, study);

        var clock = Stopwatch.StartNew();
        var single = CliProcess.Run(environment, "sweep", "worker", "--storage", url, "--study", "one", "--threads", "1");
        Assert.AreEqual(CliApp.Ok, single.Code, single.Output);
        TestContext.WriteLine($"1 worker: {clock.Elapsed.TotalSeconds:0.0} s");
        clock.Restart();
        // A quick grid can be drained by the first worker before the others have started; --max-trials 3 makes each
        // of the four take its share, whatever the start order.
        var four = Enumerable.Range(0, 4).Select(_ => CliProcess.Start(environment,
            "sweep", "worker", "--storage", url, "--study", "four", "--threads", "1", "--max-trials", "3")).ToList();
        foreach (var worker in four)
        {
            using (worker) Assert.AreEqual(CliApp.Ok, worker.WaitForExit(TimeSpan.FromMinutes(3)), worker.Output);
        }
        TestContext.WriteLine($"4 workers: {clock.Elapsed.TotalSeconds:0.0} s");

        using var store = TrialStores.OpenShared(server.UrlWithPassword(database));
        string Summary(TrialEntry t) => $"{t.Id} {t.Parameters.ToJsonString()} {t.Status} {t.Score:R}";
        var one = store.Trials("one").Select(Summary).ToArray();
        Assert.HasCount(Trials, one);
        CollectionAssert.AreEqual(one, store.Trials("four").Select(Summary).ToArray(), "the same trials with the same scores");
        CollectionAssert.AreEqual(new[] { 3, 3, 3, 3 }, store.WorkItems("four").GroupBy(i => i.Worker).Select(g => g.Count()).ToArray(),
            "each of the four workers ran three trials");
    }

    /// <summary>A new database on the shared server; processes get the password through PGPASSWORD, never in the URL.</summary>
    private static (PostgresServer Server, string Database, Dictionary<string, string> Environment, string Url) NewDatabase()
    {
        var server = PostgresServer.Shared;
        var database = server.CreateDatabase();
        return (server, database, new Dictionary<string, string> { ["PGPASSWORD"] = server.Password }, server.Url(database));
    }

    /// <summary>`sweep create` of a grid study over <paramref name="spaceJson"/> on iris; its output.</summary>
    private static string Create(Dictionary<string, string> environment, string url, string spaceJson, string study, params string[] extra)
    {
        using var space = new TempFile(spaceJson);
        var create = CliProcess.Run(environment, [
            "sweep", "create", space.Path, "--learner", "gbdt", "--data", RepoPaths.Data("iris.csv"), "--label", "species",
            "--tuner", "grid", "--folds", "3", "--storage", url, "--study", study, .. extra]);
        Assert.AreEqual(CliApp.Ok, create.Code, create.Output);
        StringAssert.Contains(create.Output, $"{Trials} trial(s) queued");
        return create.Output;
    }

    /// <summary>Polls the store until <paramref name="worker"/> holds a running trial; its id.</summary>
    private static int WaitForRunningTrial(ISharedTrialStore store, string worker, CliProcess process)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (store.FindStudy("e2e") is not null
                && store.WorkItems("e2e").FirstOrDefault(i => i.Trial.Status == TrialStatus.Running && i.Worker == worker) is { } item)
                return item.Trial.Id;
            if (process.HasExited) Assert.Fail($"worker {worker} exited before it ran a trial:\n{process.Output}");
            Thread.Sleep(50);
        }
        Assert.Fail($"worker {worker} never held a running trial:\n{process.Output}");
        return -1;
    }

    /// <summary>A temp file with the given text, deleted on Dispose.</summary>
    private sealed class TempFile : IDisposable
    {
        public TempFile(string text)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"space-{Guid.NewGuid():N}.json");
            File.WriteAllText(Path, text);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
