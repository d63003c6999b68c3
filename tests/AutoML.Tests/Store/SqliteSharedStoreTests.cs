using Pipelines.AutoML.Store;
using static Pipelines.AutoML.Tests.Store.StoreTestData;

namespace Pipelines.AutoML.Tests.Store;

/// <summary>The work queue on SQLite: claims, heartbeats, results, put-back trials and proposals.</summary>
[TestClass]
public sealed class SqliteSharedStoreTests : TempFolderTests
{
    private static readonly RequeuePolicy Policy = new(TimeSpan.FromSeconds(10), maxAttempts: 2);

    private static TrialEntry Queued(int id) => Running(id) with { Status = TrialStatus.Queued, ProposedAfter = 0 };

    private static TrialEntry[] Plan(int count) => [.. Enumerable.Range(0, count).Select(Queued)];

    private (SqliteTrialStore Store, ManualClock Clock) NewStore(int planned)
    {
        var store = SqliteTrialStore.Open(FileIn("trials.db"));
        var clock = new ManualClock(Start);
        store.Clock = clock;
        Assert.IsTrue(store.CreateStudy(Spec(), Plan(planned)));
        return (store, clock);
    }

    [TestMethod]
    public void Create_queues_the_plan_once_and_refuses_other_settings()
    {
        var (store, _) = NewStore(3);
        using var _1 = store;

        Assert.IsFalse(store.CreateStudy(Spec(), Plan(5)), "the same study again changes nothing");
        Assert.HasCount(3, store.Trials("study"));
        Assert.IsTrue(store.Trials("study").All(t => t.Status == TrialStatus.Queued));
        Assert.ThrowsExactly<TrialStoreException>(() => store.CreateStudy(Spec(fingerprint: "other"), Plan(3)));
        Assert.ThrowsExactly<ArgumentException>(() => store.CreateStudy(Spec("b"), [Queued(1)]));
        Assert.ThrowsExactly<ArgumentException>(() => store.CreateStudy(Spec("b"), [Running(0)]));
    }

    [TestMethod]
    public void Claims_take_the_lowest_queued_id_and_results_get_dense_report_orders()
    {
        var (store, _) = NewStore(3);
        using var _1 = store;

        var a = store.Claim("study", "w1", Policy).Claim!;
        var b = store.Claim("study", "w2", Policy).Claim!;
        Assert.AreEqual((0, 1, "w1", 1), (a.Trial.Id, b.Trial.Id, a.Worker, a.Attempt));
        Assert.AreEqual(TrialStatus.Running, a.Trial.Status);

        Assert.IsTrue(store.Finish(b, Succeeded(1, 0.7) with { ReportOrder = null }));
        Assert.IsTrue(store.Finish(a, Succeeded(0, 0.9) with { ReportOrder = null }));
        var c = store.Claim("study", "w1", Policy).Claim!;
        Assert.IsTrue(store.Finish(c, Failed(2, "boom") with { ReportOrder = null }));
        Assert.IsNull(store.Claim("study", "w1", Policy).Claim, "nothing is left");

        var items = store.WorkItems("study");
        CollectionAssert.AreEqual(new int?[] { 1, 0, 2 }, items.Select(i => i.Trial.ReportOrder).ToArray(), "in the order results came");
        CollectionAssert.AreEqual(new[] { "w1", "w2", "w1" }, items.Select(i => i.Worker).ToArray(), "who ran each is kept");
        Assert.IsTrue(items.All(i => i.Attempts == 1 && i.HeartbeatAt is null));
        Assert.AreEqual(0.9, items[0].Trial.Score);
    }

    [TestMethod]
    public void A_silent_worker_loses_its_trial_to_the_next_claim_and_cannot_write_it()
    {
        var (store, clock) = NewStore(1);
        using var _1 = store;
        var first = store.Claim("study", "w1", Policy).Claim!;

        clock.Advance(TimeSpan.FromSeconds(8));
        Assert.IsTrue(store.Heartbeat(first));
        clock.Advance(TimeSpan.FromSeconds(8));
        var none = store.Claim("study", "w2", Policy);
        Assert.IsNull(none.Claim, "8 s after the last heartbeat the trial is still w1's");
        Assert.IsEmpty(none.Reclaimed);

        clock.Advance(TimeSpan.FromSeconds(3));
        var second = store.Claim("study", "w2", Policy);
        Assert.AreEqual(new ReclaimedTrial(0, "w1", 1, Failed: false), second.Reclaimed.Single());
        Assert.AreEqual((0, 2, "w2"), (second.Claim!.Trial.Id, second.Claim.Attempt, second.Claim.Worker));

        Assert.IsFalse(store.Heartbeat(first), "w1 no longer holds it");
        Assert.IsFalse(store.Finish(first, Succeeded(0, 0.1)), "w1's late result is dropped");
        Assert.IsFalse(store.Release(first));
        Assert.IsTrue(store.Finish(second.Claim, Succeeded(0, 0.8)));
        var item = store.WorkItems("study").Single();
        Assert.AreEqual((TrialStatus.Succeeded, 0.8, "w2", 2), (item.Trial.Status, item.Trial.Score, item.Worker, item.Attempts));
    }

    [TestMethod]
    public void A_trial_that_keeps_losing_its_worker_fails_after_the_last_attempt()
    {
        var (store, clock) = NewStore(2);
        using var _1 = store;
        store.Claim("study", "w1", Policy);
        clock.Advance(TimeSpan.FromSeconds(11));
        Assert.AreEqual(0, store.Claim("study", "w2", Policy).Claim!.Trial.Id, "attempt 2 of trial 0");
        clock.Advance(TimeSpan.FromSeconds(11));

        var outcome = store.Claim("study", "w3", Policy);
        Assert.AreEqual(new ReclaimedTrial(0, "w2", 2, Failed: true), outcome.Reclaimed.Single());
        Assert.AreEqual(1, outcome.Claim!.Trial.Id, "the next claim goes on with trial 1");
        var failed = store.Trials("study")[0];
        Assert.AreEqual(TrialStatus.Failed, failed.Status);
        Assert.AreEqual(0, failed.ReportOrder);
        StringAssert.Contains(failed.Error, "stopped heart-beating for 10 s on attempt 2 of 2");
    }

    [TestMethod]
    public void Release_puts_a_trial_back_without_counting_the_attempt()
    {
        var (store, _) = NewStore(1);
        using var _1 = store;
        var claim = store.Claim("study", "w1", Policy).Claim!;
        Assert.IsTrue(store.Release(claim));

        var again = store.Claim("study", "w2", Policy).Claim!;
        Assert.AreEqual((0, 1), (again.Trial.Id, again.Attempt));
    }

    [TestMethod]
    public void A_proposal_sees_every_trial_and_is_claimed_by_its_worker()
    {
        var (store, _) = NewStore(1);
        using var _1 = store;
        store.Finish(store.Claim("study", "w1", Policy).Claim!, Succeeded(0, 0.5));

        IReadOnlyList<TrialEntry>? seen = null;
        var claim = store.ProposeAndClaim("study", "w2", trials =>
        {
            seen = trials;
            return Running(trials.Count) with { ProposedAfter = 1 };
        })!;
        Assert.AreEqual(0, seen!.Single().ReportOrder);
        Assert.AreEqual((1, 1, TrialStatus.Running), (claim.Trial.Id, claim.Attempt, claim.Trial.Status));
        Assert.AreEqual("w2", store.WorkItems("study")[1].Worker);

        Assert.IsNull(store.ProposeAndClaim("study", "w2", _ => null));
        var e = Assert.ThrowsExactly<TrialStoreException>(() => store.ProposeAndClaim("study", "w3", _ => Running(0)));
        StringAssert.Contains(e.Message, "already has a trial 0");
        Assert.HasCount(2, store.Trials("study"));
    }

    [TestMethod]
    public void Results_must_be_outcomes_of_the_claimed_trial()
    {
        var (store, _) = NewStore(2);
        using var _1 = store;
        var claim = store.Claim("study", "w1", Policy).Claim!;

        Assert.ThrowsExactly<ArgumentException>(() => store.Finish(claim, Succeeded(1, 0.5)));
        Assert.ThrowsExactly<ArgumentException>(() => store.Finish(claim, Running(0)));
        Assert.AreEqual(TrialStatus.Running, store.Trials("study")[0].Status);
    }

    [TestMethod]
    public void Workers_in_several_processes_claim_every_trial_exactly_once()
    {
        const int trials = 60, workers = 4;
        var path = FileIn("shared.db");
        using (var setup = SqliteTrialStore.Open(path)) setup.CreateStudy(Spec(), Plan(trials));
        var claimed = new List<(int Id, string Worker)>();

        // One store per worker stands for one process: each has its own connection and file locks.
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            using var store = SqliteTrialStore.Open(path);
            var name = $"w{w}";
            while (store.Claim("study", name, Policy).Claim is { } claim)
            {
                lock (claimed) claimed.Add((claim.Trial.Id, name));
                Assert.IsTrue(store.Heartbeat(claim));
                Assert.IsTrue(store.Finish(claim, Succeeded(claim.Trial.Id, claim.Trial.Id / 100.0) with { ReportOrder = null }));
            }
        });

        CollectionAssert.AreEqual(Enumerable.Range(0, trials).ToArray(), claimed.Select(c => c.Id).Order().ToArray());
        using var check = SqliteTrialStore.Open(path);
        var items = check.WorkItems("study");
        Assert.IsTrue(items.All(i => i.Trial.Status == TrialStatus.Succeeded && i.Attempts == 1));
        CollectionAssert.AreEqual(Enumerable.Range(0, trials).ToArray(), items.Select(i => i.Trial.ReportOrder!.Value).Order().ToArray());
        foreach (var (id, worker) in claimed) Assert.AreEqual(worker, items[id].Worker);
    }
}
