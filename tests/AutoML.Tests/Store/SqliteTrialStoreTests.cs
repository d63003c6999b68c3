using System.Text.Json.Nodes;
using Pipelines.AutoML.Store;
using static Pipelines.AutoML.Tests.Store.StoreTestData;

namespace Pipelines.AutoML.Tests.Store;

[TestClass]
public sealed class SqliteTrialStoreTests : TempFolderTests
{
    [TestMethod]
    public void Every_field_round_trips_exactly()
    {
        var trial = new TrialEntry(
            Id: 7,
            Learner: "gbdt",
            Parameters: new JsonObject
            {
                ["learner"] = new JsonObject { ["gbdt"] = new JsonObject { ["learning_rate"] = 0.1 + 0.2, ["num_leaves"] = 31 } },
                ["tiny"] = 4.9e-324,
                ["huge"] = double.MaxValue,
                ["text"] = "quote \" and 'apostrophe'; DROP TABLE trials; -- ünïcode",
            },
            SampleSize: 12_345,
            Status: TrialStatus.Succeeded,
            Score: 0.1 + 0.7,
            FoldScores: [0.81, double.NaN, double.NegativeInfinity, -0.0, 1.0 / 3],
            Seconds: 12.345678901234567,
            Error: null,
            ProposedAfter: 5,
            ReportOrder: 6,
            StartedAt: new DateTimeOffset(2025, 3, 5, 14, 7, 9, TimeSpan.FromHours(2)).AddTicks(1_234_567),
            FinishedAt: new DateTimeOffset(2025, 3, 5, 12, 8, 0, TimeSpan.Zero).AddTicks(1))
        {
            OutOfFold = [0.25f, float.NaN, -0f, float.Epsilon, float.MaxValue, float.NegativeInfinity, 1f / 3],
            ReportedCost = 41.234567890123456,
        };
        var failed = new TrialEntry(8, null, [], null, TrialStatus.Failed, double.NaN, [], double.PositiveInfinity,
            "OutOfMemory: fold 2 needed 3 GiB", 6, null, Start, null);

        using (var store = SqliteTrialStore.Open(FileIn("trials.db")))
        {
            Assert.IsFalse(store.OpenStudy(Spec()));
            store.Save("study", trial);
            store.Save("study", failed);
        }
        using var reopened = SqliteTrialStore.Open(FileIn("trials.db"));
        var back = reopened.Trials("study", withOutOfFold: true);

        Assert.HasCount(2, back);
        AssertSameTrial(trial, back[0]);
        AssertSameTrial(failed, back[1]);
        Assert.AreEqual(TimeSpan.Zero, back[0].StartedAt.Offset, "timestamps come back in UTC");
        Assert.AreEqual(Spec(), reopened.FindStudy("study"));
    }

    [TestMethod]
    public void Out_of_fold_predictions_are_read_only_when_asked_for()
    {
        using var store = SqliteTrialStore.Open(FileIn("trials.db"));
        store.OpenStudy(Spec());
        store.Save("study", Succeeded(0, 0.9) with { OutOfFold = [1f, 2f, 3f] });
        store.Save("study", Succeeded(1, 0.8));

        Assert.IsNull(store.Trials("study")[0].OutOfFold);
        var withOutOfFold = store.Trials("study", withOutOfFold: true);
        CollectionAssert.AreEqual(new[] { 1f, 2f, 3f }, withOutOfFold[0].OutOfFold);
        Assert.IsNull(withOutOfFold[1].OutOfFold);
    }

    [TestMethod]
    public void Dropping_a_trials_predictions_keeps_the_trial_and_the_others_predictions()
    {
        using var store = SqliteTrialStore.Open(FileIn("trials.db"));
        store.OpenStudy(Spec());
        store.Save("study", Succeeded(0, 0.9) with { OutOfFold = [1f, 2f] });
        store.Save("study", Succeeded(1, 0.8) with { OutOfFold = [3f, 4f] });

        store.DropOutOfFold("study", 0);
        store.DropOutOfFold("study", 0);
        store.DropOutOfFold("study", 42);
        store.DropOutOfFold("other study", 1);

        var back = store.Trials("study", withOutOfFold: true);
        Assert.HasCount(2, back);
        Assert.IsNull(back[0].OutOfFold);
        Assert.AreEqual((0.9, TrialStatus.Succeeded), (back[0].Score, back[0].Status), "the trial itself stays");
        CollectionAssert.AreEqual(new[] { 3f, 4f }, back[1].OutOfFold);
    }

    [TestMethod]
    public void Saving_a_finished_trial_replaces_its_running_entry()
    {
        using var store = SqliteTrialStore.Open(FileIn("trials.db"));
        store.OpenStudy(Spec());
        store.Save("study", Running(3));
        Assert.AreEqual(TrialStatus.Running, store.Trials("study").Single().Status);

        var done = Succeeded(3, 0.75, seconds: 4.5);
        store.Save("study", done);
        var back = store.Trials("study").Single();
        AssertSameTrial(done, back);
    }

    [TestMethod]
    public void Trials_come_back_by_id_and_per_study()
    {
        using var store = SqliteTrialStore.Open(FileIn("trials.db"));
        store.OpenStudy(Spec("b"));
        store.OpenStudy(Spec("a"));
        foreach (var id in new[] { 5, 1, 3 }) store.Save("a", Succeeded(id, 0.5));
        store.Save("b", Running(2));

        CollectionAssert.AreEqual(new[] { 1, 3, 5 }, store.Trials("a").Select(t => t.Id).ToArray());
        CollectionAssert.AreEqual(new[] { 2 }, store.Trials("b").Select(t => t.Id).ToArray());
        Assert.IsEmpty(store.Trials("missing"));
        CollectionAssert.AreEqual(new[] { "a", "b" }, store.Studies().Select(s => s.Name).ToArray());
        Assert.IsNull(store.FindStudy("missing"));
    }

    [TestMethod]
    public void Threads_saving_at_once_lose_no_trial()
    {
        const int threads = 8, perThread = 20;
        using var store = SqliteTrialStore.Open(FileIn("trials.db"));
        store.OpenStudy(Spec());

        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            for (var i = 0; i < perThread; i++)
            {
                var id = t * perThread + i;
                store.Save("study", Running(id));
                store.Save("study", Succeeded(id, id / 1000.0));
            }
        });

        var trials = store.Trials("study");
        CollectionAssert.AreEqual(Enumerable.Range(0, threads * perThread).ToArray(), trials.Select(t => t.Id).ToArray());
        Assert.IsTrue(trials.All(t => t.Status == TrialStatus.Succeeded && t.Score == t.Id / 1000.0));
    }

    [TestMethod]
    public void Two_stores_on_one_file_write_at_the_same_time()
    {
        // Two open stores stand for two processes: each has its own connection and file locks.
        var path = FileIn("shared.db");
        // Both create the new file's tables at once: one waits for the other and finds them made.
        var opened = new SqliteTrialStore[2];
        Parallel.For(0, 2, i => opened[i] = SqliteTrialStore.Open(path));
        using var first = opened[0];
        using var second = opened[1];
        first.OpenStudy(Spec());
        Assert.IsTrue(second.OpenStudy(Spec()));

        Parallel.Invoke(
            () => { for (var i = 0; i < 30; i++) first.Save("study", Succeeded(2 * i, 0.5)); },
            () => { for (var i = 0; i < 30; i++) second.Save("study", Succeeded(2 * i + 1, 0.5)); });

        Assert.HasCount(60, first.Trials("study"));
        Assert.HasCount(60, second.Trials("study"));
    }

    [TestMethod]
    public void A_resumed_process_reads_what_the_first_one_wrote()
    {
        var path = FileIn("runs/nested/trials.db");
        using (var first = SqliteTrialStore.Open(path))
        {
            Assert.IsFalse(first.OpenStudy(Spec()));
            first.Save("study", Succeeded(0, 0.9) with { OutOfFold = [0.5f, 0.25f] });
            first.Save("study", Running(1));
        }
        Assert.IsTrue(File.Exists(path), "the folder and file are created when missing");

        using var resumed = SqliteTrialStore.Open(path);
        Assert.IsTrue(resumed.OpenStudy(Spec()), "the study exists already");
        var trials = resumed.Trials("study", withOutOfFold: true);
        AssertSameTrial(Succeeded(0, 0.9) with { OutOfFold = [0.5f, 0.25f] }, trials[0]);
        AssertSameTrial(Running(1), trials[1]);
    }

    [TestMethod]
    public void A_study_with_another_fingerprint_is_refused_with_both_short_forms()
    {
        using var store = SqliteTrialStore.Open(FileIn("trials.db"));
        store.OpenStudy(Spec(fingerprint: "aaaaaaaaaaaa1111111111"));

        var e = Assert.ThrowsExactly<TrialStoreException>(() => store.OpenStudy(Spec(fingerprint: "bbbbbbbbbbbb2222222222")));
        StringAssert.Contains(e.Message, "aaaaaaaaaaaa,");
        StringAssert.Contains(e.Message, "now bbbbbbbbbbbb)");
        StringAssert.Contains(e.Message, "new study name");
        StringAssert.Contains(e.Message, "different store file");
        Assert.AreEqual("aaaaaaaaaaaa1111111111", store.FindStudy("study")!.Fingerprint, "the stored study is untouched");
    }

    [TestMethod]
    public void Saving_to_a_study_not_opened_says_so()
    {
        using var store = SqliteTrialStore.Open(FileIn("trials.db"));
        var e = Assert.ThrowsExactly<TrialStoreException>(() => store.Save("nope", Running(0)));
        StringAssert.Contains(e.Message, "study 'nope' is not in trial store");
        StringAssert.Contains(e.Message, "OpenStudy");
    }

    [TestMethod]
    public void A_disposed_store_refuses_calls_and_releases_its_file()
    {
        var path = FileIn("trials.db");
        var store = SqliteTrialStore.Open(path);
        store.OpenStudy(Spec());
        store.Dispose();
        store.Dispose();

        Assert.ThrowsExactly<ObjectDisposedException>(() => store.Trials("study"));
        File.Delete(path);
        Assert.IsFalse(File.Exists(path + "-wal"), "the write-ahead log is folded back on close");
    }

    private static void AssertSameTrial(TrialEntry expected, TrialEntry actual)
    {
        Assert.AreEqual(expected.Id, actual.Id);
        Assert.AreEqual(expected.Learner, actual.Learner);
        Assert.IsTrue(JsonNode.DeepEquals(expected.Parameters, actual.Parameters), $"{expected.Parameters.ToJsonString()} != {actual.Parameters.ToJsonString()}");
        Assert.AreEqual(expected.SampleSize, actual.SampleSize);
        Assert.AreEqual(expected.Status, actual.Status);
        Assert.AreEqual(Bits(expected.Score), Bits(actual.Score));
        CollectionAssert.AreEqual(expected.FoldScores.Select(s => Bits(s)).ToArray(), actual.FoldScores.Select(s => Bits(s)).ToArray());
        Assert.AreEqual(Bits(expected.Seconds), Bits(actual.Seconds));
        Assert.AreEqual(expected.Error, actual.Error);
        Assert.AreEqual(expected.ProposedAfter, actual.ProposedAfter);
        Assert.AreEqual(expected.ReportOrder, actual.ReportOrder);
        Assert.AreEqual(Bits(expected.ReportedCost), Bits(actual.ReportedCost));
        Assert.AreEqual(expected.StartedAt.UtcTicks, actual.StartedAt.UtcTicks);
        Assert.AreEqual(expected.FinishedAt?.UtcTicks, actual.FinishedAt?.UtcTicks);
        CollectionAssert.AreEqual(expected.OutOfFold?.Select(BitConverter.SingleToInt32Bits).ToArray(), actual.OutOfFold?.Select(BitConverter.SingleToInt32Bits).ToArray());
    }

    private static long? Bits(double? value) => value is { } v ? BitConverter.DoubleToInt64Bits(v) : null;
}
