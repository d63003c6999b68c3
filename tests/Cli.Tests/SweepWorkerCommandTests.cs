using System.Text.Json.Nodes;

namespace Pipelines.Cli.Tests;

/// <summary>`pipelines sweep create|worker|status|best|export` on a SQLite store, in process (the PostgreSQL runs are in Postgres/).</summary>
[TestClass]
public sealed class SweepWorkerCommandTests : IDisposable
{
    private const string Space = """{"rounds": {"choice": [4, 8]}, "num_leaves": {"choice": [4, 16]}}""";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"sweep-cli-{Guid.NewGuid():N}");

    public SweepWorkerCommandTests() => Directory.CreateDirectory(_folder);

    private string In(string name) => Path.Combine(_folder, name);

    private string Storage => "sqlite:" + In("trials.db");

    private string SpaceFile()
    {
        File.WriteAllText(In("space.json"), Space);
        return In("space.json");
    }

    private static CliRun Ok(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.AreEqual(CliApp.Ok, run.ExitCode, string.Join(' ', args) + "\n" + run.Error + run.Output);
        return run;
    }

    [TestMethod]
    public void A_study_is_created_run_by_a_worker_and_reported()
    {
        var create = Ok("sweep", "create", SpaceFile(), "--learner", "gbdt", "--data", RepoPaths.Data("iris.csv"), "--label", "species",
            "--tuner", "grid", "--folds", "3", "--storage", Storage, "--study", "s");
        StringAssert.Contains(create.Output, "Created study 's'");
        StringAssert.Contains(create.Output, "4 trial(s) queued");
        StringAssert.Contains(create.Output, $"pipelines sweep worker --storage {Storage} --study s");
        StringAssert.Contains(Ok("sweep", "create", SpaceFile(), "--learner", "gbdt", "--data", RepoPaths.Data("iris.csv"), "--label", "species",
            "--tuner", "grid", "--folds", "3", "--storage", Storage, "--study", "s").Output, "already exists");

        var worker = Ok("sweep", "worker", "--storage", Storage, "--study", "s", "--worker-id", "solo", "--threads", "1");
        Assert.AreEqual(4, worker.Output.Split('\n').Count(l => l.Contains(" finished: Accuracy ", StringComparison.Ordinal)), worker.Output);
        StringAssert.Contains(worker.Output, "Worker solo: 4 trial(s) recorded; the study is complete.");

        var status = Ok("sweep", "status", "--storage", Storage, "--study", "s");
        StringAssert.Contains(status.Output, "4 of 4 trial(s) finished (4 succeeded, 0 failed), 0 running, 0 queued");
        StringAssert.Contains(status.Output, "Complete.");

        var best = JsonNode.Parse(Ok("sweep", "best", "--storage", Storage, "--study", "s", "--json", "--out", In("best.pipeline")).Output.Split("Saved")[0])!;
        Assert.AreEqual("Accuracy", (string)best["metric"]!);
        Assert.IsTrue(File.Exists(In("best.pipeline")));

        Ok("sweep", "export", "--storage", Storage, "--study", "s", "--out", In("board.csv"));
        var rows = File.ReadAllLines(In("board.csv"));
        Assert.HasCount(5, rows);
        StringAssert.StartsWith(rows[1], "1,");
        Assert.AreEqual((double)best["score"]!, double.Parse(rows[1].Split(',')[3], System.Globalization.CultureInfo.InvariantCulture));
    }

    [TestMethod]
    public void Bad_worker_input_ends_with_one_error_line()
    {
        Ok("sweep", SpaceFile(), "--learner", "gbdt", "--data", RepoPaths.Data("iris.csv"), "--label", "species", "--trials", "1",
            "--folds", "2", "--storage", Storage, "--study", "inproc");
        string[][] cases =
        [
            ["sweep", "create", SpaceFile(), "--learner", "gbdt", "--data", RepoPaths.Data("iris.csv"), "--label", "species", "--storage", Storage],
            ["sweep", "create", SpaceFile(), "--learner", "gbdt", "--data", RepoPaths.Data("iris.csv"), "--label", "species", "--tuner", "grid", "--grace", "0", "--storage", Storage],
            ["sweep", "create", SpaceFile(), "--learner", "gbdt", "--data", RepoPaths.Data("iris.csv"), "--label", "species", "--tuner", "eci", "--trials", "3", "--storage", Storage],
            ["sweep", "worker", "--storage", Storage, "--study", "missing"],
            ["sweep", "worker", "--storage", Storage, "--study", "inproc"],
            ["sweep", "status", "--storage", "mysql://u:pw@h/db", "--study", "s"],
            ["sweep", "best", "--storage", Storage, "--study", "missing"],
        ];
        foreach (var args in cases)
        {
            var run = CliRun.Of(args);
            Assert.AreEqual((CliApp.BadInput, ""), (run.ExitCode, run.Output), string.Join(' ', args));
            Assert.MatchesRegex(@"^error: [^\n]+\n$", run.Error.ReplaceLineEndings("\n"), "one error line");
            Assert.DoesNotContain(":pw@", run.Error);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
