using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.Store;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Tests.Experiments;

/// <summary>How the trial book ranks trials (score, then the out-of-fold tie-break) and which predictions it keeps.</summary>
[TestClass]
public sealed class TrialBookTests
{
    [TestMethod]
    public void Equal_scores_go_to_the_lower_tie_break_and_the_best_is_never_evicted()
    {
        var book = new TrialBook("s", store: null, Metric.Accuracy, totalRows: 10, tieBreak: p => p[0]);
        book.Save(Entry(1, 0.9, tieBreak: 0.5));
        book.Save(Entry(2, 0.9, tieBreak: 0.3));
        book.Save(Entry(3, 0.9, tieBreak: 0.4));
        Assert.AreEqual(2, book.Best!.Id, "equal accuracy: the lower log loss wins");
        book.Save(Entry(4, 0.95, tieBreak: 0.9));
        Assert.AreEqual(4, book.Best!.Id, "a better score wins whatever its tie-break");
        for (var id = 5; id < 5 + TrialBook.KeptOutOfFold; id++) book.Save(Entry(id, 0.95, tieBreak: 0.1));
        Assert.IsTrue(book.OutOfFold.ContainsKey(book.Best!.Id));
        Assert.AreEqual(5, book.Best!.Id);
        Assert.HasCount(TrialBook.KeptOutOfFold, book.OutOfFold);
    }

    [TestMethod]
    public void Each_learners_best_trials_keep_their_predictions_for_ensembling()
    {
        var book = new TrialBook("s", store: null, Metric.Accuracy, totalRows: 10);
        for (var id = 0; id < TrialBook.KeptPerLearner + 1; id++) book.Save(Entry(id, 0.5 - id * 0.01, tieBreak: 0, learner: "weak"));
        for (var id = 10; id < 10 + 2 * TrialBook.KeptOutOfFold; id++) book.Save(Entry(id, 0.9, tieBreak: 0));
        Assert.HasCount(TrialBook.KeptOutOfFold, book.OutOfFold);
        var weak = book.OutOfFold.Keys.Where(id => id < 10).Order().ToArray();
        CollectionAssert.AreEqual(Enumerable.Range(0, TrialBook.KeptPerLearner).ToArray(), weak, "the weak learner's best three stay, its fourth goes");
    }

    [TestMethod]
    public void The_best_trial_of_each_learner_is_kept_for_the_refit_reserve()
    {
        var book = new TrialBook("s", store: null, Metric.Accuracy, totalRows: 10);
        book.Save(Entry(1, 0.8, tieBreak: 0, learner: "a"));
        book.Save(Entry(2, 0.9, tieBreak: 0, learner: "b"));
        book.Save(Entry(3, 0.85, tieBreak: 0, learner: "a"));
        book.Save(Entry(4, 0.7, tieBreak: 0, learner: "b"));
        CollectionAssert.AreEquivalent(new[] { 3, 2 }, book.BestPerLearner.Select(e => e.Id).ToArray());
    }

    [TestMethod]
    public void Predictions_dropped_from_memory_are_dropped_from_the_store_and_a_resumed_book_ranks_the_same()
    {
        using var store = new RecordingTrialStore();
        var book = new TrialBook("s", store, Metric.Accuracy, totalRows: 10, tieBreak: p => p[0]);
        // Equal scores throughout, so only the tie-break ranks them; the lowest ids have the worst tie-breaks.
        var count = TrialBook.KeptOutOfFold + 20;
        for (var id = 0; id < count; id++) book.Save(Entry(id, 0.9, tieBreak: count - id));
        var stored = store.Trials("s", withOutOfFold: true);
        CollectionAssert.AreEquivalent(book.OutOfFold.Keys.ToArray(), stored.Where(t => t.OutOfFold is not null).Select(t => t.Id).ToArray());
        Assert.HasCount(count, stored, "the trials themselves all stay");

        // Resuming from the store: trials without predictions rank below equal scores with them, as they did.
        var resumed = new TrialBook("s", store: null, Metric.Accuracy, totalRows: 10, tieBreak: p => p[0]);
        foreach (var entry in stored) resumed.Save(entry);
        Assert.AreEqual(book.Best!.Id, resumed.Best!.Id);
        Assert.AreEqual(count - 1, resumed.Best!.Id);
        CollectionAssert.AreEquivalent(book.OutOfFold.Keys.ToArray(), resumed.OutOfFold.Keys.ToArray());
    }

    [TestMethod]
    public void Library_defaults_trials_keep_their_predictions_however_they_rank()
    {
        var book = new TrialBook("s", store: null, Metric.Accuracy, totalRows: 10, isLibraryDefault: e => e.Id is 0 or 1);
        book.Save(Entry(0, 0.1, tieBreak: 0));
        book.Save(Entry(1, 0.2, tieBreak: 0, learner: "y"));
        for (var id = 10; id < 10 + 2 * TrialBook.KeptOutOfFold; id++) book.Save(Entry(id, 0.9, tieBreak: 0));
        CollectionAssert.AreEquivalent(new[] { 0, 1 }, book.LibraryDefaults.ToArray());
        Assert.IsTrue(book.OutOfFold.ContainsKey(0) && book.OutOfFold.ContainsKey(1));
    }

    [TestMethod]
    public void Ensembles_blend_the_trials_trained_on_the_most_rows_any_reached()
    {
        var book = new TrialBook("s", store: null, Metric.Accuracy, totalRows: 100_000);
        book.Save(Entry(1, 0.8, tieBreak: 0) with { SampleSize = 1_000 });
        book.Save(Entry(2, 0.9, tieBreak: 0) with { SampleSize = 10_000 });
        book.Save(Entry(3, 0.7, tieBreak: 0, learner: "y") with { SampleSize = 10_000 });
        book.Save(Entry(4, 0.95, tieBreak: 0, learner: "y") with { SampleSize = 5_000 });
        CollectionAssert.AreEqual(new[] { 2, 3 }, book.EnsembleCandidates().Select(e => e.Id).ToArray(),
            "no trial used all rows: those on the largest sample, even below a better trial on a smaller one");

        book.Save(Entry(5, 0.6, tieBreak: 0) with { SampleSize = 100_000 });
        book.Save(Entry(6, 0.5, tieBreak: 0));
        CollectionAssert.AreEqual(new[] { 5, 6 }, book.EnsembleCandidates().Select(e => e.Id).ToArray(), "all rows, given as the full size or as no sample");
        Assert.IsEmpty(new TrialBook("s", store: null, Metric.Accuracy, totalRows: 10).EnsembleCandidates());
    }

    private static TrialEntry Entry(int id, double score, double tieBreak, string learner = "x") =>
        new(id, learner, [], null, TrialStatus.Succeeded, score, [score], 1, null, 0, id, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch) { OutOfFold = [(float)tieBreak] };
}
