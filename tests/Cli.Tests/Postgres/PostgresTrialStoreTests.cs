using System.Text.Json.Nodes;
using Pipelines.AutoML.Store;

namespace Pipelines.Cli.Tests.Postgres;

/// <summary>The PostgreSQL trial store against a real server: round trips, schema, claims under contention, put-back trials, refusals.</summary>
[TestClass]
public sealed class PostgresTrialStoreTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 5, 14, 7, 9, TimeSpan.Zero);

    private static StudySpec Spec(string name = "study", string fingerprint = "fp") => new(name, "sweep-workers", "Accuracy", true, fingerprint, """{"seed":1}""");

    private static TrialEntry Entry(int id, TrialStatus status = TrialStatus.Queued) =>
        new(id, "gbdt", new JsonObject { ["learner"] = new JsonObject { ["gbdt"] = new JsonObject { ["rounds"] = 10 + id } } }, null, status,
            null, [], 0, null, 0, null, Start, null);

    private static TrialEntry[] Plan(int count) => [.. Enumerable.Range(0, count).Select(i => Entry(i))];

    private static PostgresTrialStore NewStore(out string database)
    {
        database = PostgresServer.Shared.CreateDatabase();
        return PostgresTrialStore.Open(PostgresLocation.Parse(PostgresServer.Shared.UrlWithPassword(database)));
    }

    [TestMethod]
    public void Every_field_round_trips()
    {
        using var store = NewStore(out _);
        Assert.IsFalse(store.OpenStudy(Spec()));
        Assert.IsTrue(store.OpenStudy(Spec()));
        var trial = new TrialEntry(7, "gbdt",
            new JsonObject { ["learning_rate"] = 0.1 + 0.2, ["tiny"] = 4.9e-324, ["text"] = "quote \" and 'apostrophe'; DROP TABLE trials; -- ünïcode" },
            12_345, TrialStatus.Succeeded, 0.1 + 0.7, [0.81, double.NaN, double.NegativeInfinity, 1.0 / 3], 12.345678901234567, null, 5, 6,
            Start.AddTicks(1_234_560), Start.AddMinutes(1))
        {
            OutOfFold = [0.25f, float.NaN, float.MaxValue, 1f / 3],
            ReportedCost = 41.234567890123456,
        };
        var failed = new TrialEntry(8, null, [], null, TrialStatus.Failed, double.NaN, [], double.PositiveInfinity, "boom", 6, null, Start, null);
        store.Save("study", trial);
        store.Save("study", failed);

        var back = store.Trials("study", withOutOfFold: true);
        Assert.HasCount(2, back);
        Assert.AreEqual(trial.Parameters.ToJsonString(), back[0].Parameters.ToJsonString());
        Assert.AreEqual((trial.Score, trial.Seconds, trial.SampleSize, trial.ReportOrder, trial.ReportedCost),
            (back[0].Score, back[0].Seconds, back[0].SampleSize, back[0].ReportOrder, back[0].ReportedCost));
        Assert.IsNull(back[1].ReportedCost);
        CollectionAssert.AreEqual(trial.FoldScores.ToArray(), back[0].FoldScores.ToArray());
        CollectionAssert.AreEqual(trial.OutOfFold, back[0].OutOfFold);
        Assert.AreEqual((trial.StartedAt, trial.FinishedAt), (back[0].StartedAt, back[0].FinishedAt), "timestamps keep microseconds, in UTC");
        Assert.AreEqual(TimeSpan.Zero, back[0].StartedAt.Offset);
        Assert.IsTrue(double.IsNaN(back[1].Score!.Value));
        Assert.AreEqual((double.PositiveInfinity, "boom", (string?)null), (back[1].Seconds, back[1].Error, back[1].Learner));
        Assert.IsNull(store.Trials("study")[0].OutOfFold);
        Assert.AreEqual(Spec(), store.FindStudy("study"));
        Assert.AreEqual("study", store.Studies().Single().Name);
    }

    [TestMethod]
    public void Dropping_a_trials_predictions_keeps_the_trial_and_the_others_predictions()
    {
        using var store = NewStore(out _);
        store.OpenStudy(Spec());
        store.Save("study", Entry(0, TrialStatus.Succeeded) with { Score = 0.9, OutOfFold = [1f, 2f] });
        store.Save("study", Entry(1, TrialStatus.Succeeded) with { Score = 0.8, OutOfFold = [3f, 4f] });

        store.DropOutOfFold("study", 0);
        store.DropOutOfFold("study", 0);
        store.DropOutOfFold("study", 42);

        var back = store.Trials("study", withOutOfFold: true);
        Assert.HasCount(2, back);
        Assert.IsNull(back[0].OutOfFold);
        Assert.AreEqual((0.9, TrialStatus.Succeeded), (back[0].Score, back[0].Status), "the trial itself stays");
        CollectionAssert.AreEqual(new[] { 3f, 4f }, back[1].OutOfFold);
    }

    [TestMethod]
    public void The_schema_is_versioned_and_foreign_or_newer_databases_are_refused()
    {
        var server = PostgresServer.Shared;
        using (NewStore(out var database))
        {
            Assert.AreEqual(2, server.Execute(database, "SELECT version FROM schema_version;"));
            using var again = PostgresTrialStore.Open(PostgresLocation.Parse(server.UrlWithPassword(database)));
            Assert.AreEqual(1L, server.Execute(database, "SELECT COUNT(*) FROM schema_version;"), "opening again migrates nothing");
            // A version-1 database, as the previous release made it, is brought forward.
            server.Execute(database, "ALTER TABLE trials DROP COLUMN reported_cost; UPDATE schema_version SET version = 1;");
            using (PostgresTrialStore.Open(PostgresLocation.Parse(server.UrlWithPassword(database))))
                Assert.AreEqual(2, server.Execute(database, "SELECT version FROM schema_version;"));
            Assert.AreEqual(1L, server.Execute(database, "SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'trials' AND column_name = 'reported_cost';"));
            server.Execute(database, "UPDATE schema_version SET version = 3;");
            var newer = Assert.ThrowsExactly<TrialStoreException>(() => PostgresTrialStore.Open(PostgresLocation.Parse(server.UrlWithPassword(database))));
            StringAssert.Contains(newer.Message, "schema version 3");
            StringAssert.Contains(newer.Message, "Upgrade the tool");
        }

        var foreign = server.CreateDatabase();
        server.Execute(foreign, "CREATE TABLE studies (id serial PRIMARY KEY, title text);");
        var e = Assert.ThrowsExactly<TrialStoreException>(() => PostgresTrialStore.Open(PostgresLocation.Parse(server.UrlWithPassword(foreign))));
        StringAssert.Contains(e.Message, "not a trial store");
        Assert.AreEqual(0L, server.Execute(foreign, "SELECT COUNT(*) FROM pg_tables WHERE tablename = 'schema_version';"), "nothing was created there");
    }

    [TestMethod]
    public void Workers_claiming_at_once_each_get_a_different_trial()
    {
        const int trials = 80, workers = 6;
        using var setup = NewStore(out var database);
        setup.CreateStudy(Spec(), Plan(trials));
        var policy = new RequeuePolicy(TimeSpan.FromMinutes(1), 3);
        var claimed = new List<int>();

        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            using var store = PostgresTrialStore.Open(PostgresLocation.Parse(PostgresServer.Shared.UrlWithPassword(database)));
            while (store.Claim("study", $"w{w}", policy).Claim is { } claim)
            {
                lock (claimed) claimed.Add(claim.Trial.Id);
                Assert.IsTrue(store.Heartbeat(claim));
                Assert.IsTrue(store.Finish(claim, claim.Trial with { Status = TrialStatus.Succeeded, Score = claim.Trial.Id, FinishedAt = Start }));
            }
        });

        CollectionAssert.AreEqual(Enumerable.Range(0, trials).ToArray(), claimed.Order().ToArray(), "each trial claimed exactly once");
        var items = setup.WorkItems("study");
        Assert.IsTrue(items.All(i => i.Trial.Status == TrialStatus.Succeeded && i.Attempts == 1 && i.Worker is not null));
        CollectionAssert.AreEqual(Enumerable.Range(0, trials).ToArray(), items.Select(i => i.Trial.ReportOrder!.Value).Order().ToArray());
    }

    [TestMethod]
    public void Proposals_under_the_study_lock_never_share_an_id()
    {
        using var setup = NewStore(out var database);
        setup.CreateStudy(Spec(), []);
        var ids = new List<int>();

        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, w =>
        {
            using var store = PostgresTrialStore.Open(PostgresLocation.Parse(PostgresServer.Shared.UrlWithPassword(database)));
            for (var i = 0; i < 8; i++)
            {
                var claim = store.ProposeAndClaim("study", $"w{w}", trials =>
                {
                    Thread.Sleep(2); // widens the window two unlocked proposers would both read the same count in
                    return Entry(trials.Count, TrialStatus.Running) with { ProposedAfter = trials.Count(t => t.ReportOrder is not null) };
                })!;
                lock (ids) ids.Add(claim.Trial.Id);
                store.Finish(claim, claim.Trial with { Status = TrialStatus.Succeeded, Score = 0.5, FinishedAt = Start });
            }
        });

        CollectionAssert.AreEqual(Enumerable.Range(0, 32).ToArray(), ids.Order().ToArray());
    }

    [TestMethod]
    public void A_silent_workers_trial_is_put_back_then_failed_after_its_last_attempt()
    {
        using var store = NewStore(out _);
        store.CreateStudy(Spec(), Plan(2));
        var policy = new RequeuePolicy(TimeSpan.FromMilliseconds(300), maxAttempts: 2);

        var first = store.Claim("study", "w1", policy).Claim!;
        Assert.AreEqual(1, store.Claim("study", "w2", policy).Claim!.Trial.Id, "w2 gets trial 1 while w1 holds 0");
        Thread.Sleep(600);
        var second = store.Claim("study", "w3", policy);
        CollectionAssert.AreEquivalent(new[] { (0, "w1", false), (1, "w2", false) }, second.Reclaimed.Select(r => (r.Id, r.Worker, r.Failed)).ToArray());
        Assert.AreEqual((0, 2), (second.Claim!.Trial.Id, second.Claim.Attempt));
        Assert.IsFalse(store.Heartbeat(first));
        Assert.IsFalse(store.Finish(first, first.Trial with { Status = TrialStatus.Succeeded, Score = 1 }), "a late result is dropped");

        Thread.Sleep(600);
        var third = store.Claim("study", "w4", policy);
        Assert.IsTrue(third.Reclaimed.Any(r => r is { Id: 0, Worker: "w3", Failed: true }));
        var failed = store.Trials("study")[0];
        Assert.AreEqual(TrialStatus.Failed, failed.Status);
        StringAssert.Contains(failed.Error, "attempt 2 of 2");
        Assert.AreEqual(0, failed.ReportOrder);
    }

    [TestMethod]
    public void Login_errors_name_the_location_but_never_the_password()
    {
        var server = PostgresServer.Shared;
        var wrong = $"postgresql://pipelines:not-{server.Password}@127.0.0.1:{server.Port}/trials";
        var e = Assert.ThrowsExactly<TrialStoreException>(() => TrialStores.Open(wrong));
        StringAssert.Contains(e.Message, $"postgresql://pipelines@127.0.0.1:{server.Port}/trials");
        StringAssert.Contains(e.Message, "password");
        Assert.DoesNotContain(server.Password, e.Message);

        var missing = Assert.ThrowsExactly<TrialStoreException>(() => TrialStores.Open(server.UrlWithPassword("no_such_db")));
        StringAssert.Contains(missing.Message, "createdb no_such_db");
        Assert.DoesNotContain(server.Password, missing.Message);
        Assert.DoesNotContain(server.Password, PostgresLocation.Parse(server.UrlWithPassword("trials")).ToString());
    }
}
