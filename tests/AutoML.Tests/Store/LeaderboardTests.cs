using System.Text.Json.Nodes;
using Pipelines.AutoML.Store;
using static Pipelines.AutoML.Tests.Store.StoreTestData;

namespace Pipelines.AutoML.Tests.Store;

[TestClass]
public sealed class LeaderboardTests
{
    private const string GbdtSummary = "rounds=64 num_leaves=16 learning_rate=0.1 encoding=onehot(max_categories=16) scaling=none";

    [TestMethod]
    public void Higher_is_better_ranks_the_largest_score_first()
    {
        var board = new Leaderboard(Spec(higherIsBetter: true), [Succeeded(0, 0.7), Succeeded(1, 0.9), Succeeded(2, 0.8)]);
        CollectionAssert.AreEqual(new[] { 1, 2, 0 }, board.Ranked.Select(r => r.Trial).ToArray());
        CollectionAssert.AreEqual(new int?[] { 1, 2, 3 }, board.Ranked.Select(r => r.Rank).ToArray());
        Assert.AreEqual(1, board.Best!.Trial);
    }

    [TestMethod]
    public void Lower_is_better_ranks_the_smallest_score_first()
    {
        var board = new Leaderboard(Spec(higherIsBetter: false), [Succeeded(0, 0.7), Succeeded(1, 0.9), Succeeded(2, 0.8)]);
        CollectionAssert.AreEqual(new[] { 0, 2, 1 }, board.Ranked.Select(r => r.Trial).ToArray());
    }

    [TestMethod]
    public void Ties_go_to_the_faster_trial_then_the_lower_id_and_NaN_scores_rank_last()
    {
        var trials = new[]
        {
            Succeeded(0, double.NaN, seconds: 0.1),
            Succeeded(1, 0.8, seconds: 3),
            Succeeded(2, 0.8, seconds: 2),
            Succeeded(3, 0.8, seconds: 3),
            Succeeded(4, 0.5, seconds: 0.1),
        };
        foreach (var higher in new[] { true, false })
        {
            var order = new Leaderboard(Spec(higherIsBetter: higher), trials).Ranked.Select(r => r.Trial).ToArray();
            CollectionAssert.AreEqual(higher ? new[] { 2, 1, 3, 4, 0 } : new[] { 4, 2, 1, 3, 0 }, order, $"higherIsBetter={higher}");
        }
    }

    [TestMethod]
    public void Failed_and_cancelled_trials_are_unranked_after_the_ranked_ones_and_running_ones_are_counted()
    {
        var board = new Leaderboard(Spec(), [Failed(4, "boom"), Running(0), Succeeded(1, 0.6), Failed(2, "budget", TrialStatus.Cancelled), Failed(3, "oom")]);

        CollectionAssert.AreEqual(new[] { 1 }, board.Ranked.Select(r => r.Trial).ToArray());
        CollectionAssert.AreEqual(new[] { 2, 3, 4 }, board.Unranked.Select(r => r.Trial).ToArray());
        Assert.IsTrue(board.Unranked.All(r => r.Rank is null && r.Score is null));
        CollectionAssert.AreEqual(new[] { "budget", "oom", "boom" }, board.Unranked.Select(r => r.Error).ToArray());
        Assert.AreEqual(2, board.Failed);
        Assert.AreEqual(1, board.Cancelled);
        Assert.AreEqual(1, board.Running);
    }

    [TestMethod]
    public void Top_takes_at_most_the_ranked_rows()
    {
        var board = new Leaderboard(Spec(), [.. Enumerable.Range(0, 5).Select(i => Succeeded(i, i / 10.0))]);
        CollectionAssert.AreEqual(new[] { 4, 3 }, board.Top(2).Select(r => r.Trial).ToArray());
        Assert.HasCount(5, board.Top(10));
        Assert.IsEmpty(board.Top(0));
        Assert.IsNull(new Leaderboard(Spec(), [Running(0)]).Best);
    }

    [TestMethod]
    public void Fold_mean_and_population_std_skip_NaN_folds()
    {
        var row = new Leaderboard(Spec(), [Succeeded(0, 0.9, folds: [0.5, double.NaN, 1.0])]).Ranked[0];
        Assert.AreEqual(0.75, row.FoldMean, 1e-15);
        Assert.AreEqual(0.25, row.FoldStd, 1e-15);

        var none = new Leaderboard(Spec(), [Succeeded(0, 0.9, folds: [])]).Ranked[0];
        Assert.IsTrue(double.IsNaN(none.FoldMean) && double.IsNaN(none.FoldStd));
    }

    [TestMethod]
    public void Csv_lists_ranked_rows_then_failed_ones_with_their_errors()
    {
        var board = new Leaderboard(Spec(), [
            Succeeded(0, 0.75, seconds: 2, folds: [0.5, 1.0]) with { SampleSize = 5000 },
            Succeeded(1, 0.875, seconds: 1.5, learner: "logreg", folds: [0.875]) with
            {
                Parameters = new JsonObject { ["learner"] = new JsonObject { ["logreg"] = new JsonObject { ["l2"] = 1e-4 } } },
            },
            Failed(2, "Timeout, over 60 s \"per trial\""),
            Running(3),
        ]);
        using var folder = new TempFolder();
        var path = folder.File("leaderboard.csv");

        board.WriteCsv(path);

        string[] expected =
        [
            "rank,trial,learner,score,fold_mean,fold_std,seconds,sample_size,status,parameters,error",
            "1,1,logreg,0.875,0.875,0,1.5,,succeeded,l2=0.0001,",
            $"2,0,gbdt,0.75,0.75,0.25,2,5000,succeeded,{GbdtSummary},",
            $",2,gbdt,,0.5,0,2,,failed,{GbdtSummary},\"Timeout, over 60 s \"\"per trial\"\"\"",
        ];
        CollectionAssert.AreEqual(expected, File.ReadAllLines(path));
        Assert.HasCount(1, Directory.GetFiles(folder.Path), "no temporary file is left beside it");
    }

    [TestMethod]
    public void Parameter_summary_flattens_sections_on_one_line()
    {
        Assert.AreEqual(GbdtSummary, ParameterSummary.Format(GbdtParameters(16), "gbdt"));
        Assert.AreEqual(
            "learner=gbdt(rounds=64 num_leaves=16 learning_rate=0.1) encoding=onehot(max_categories=16) scaling=none",
            ParameterSummary.Format(GbdtParameters(16)),
            "without a learner column the learner stays a section");
        var mixed = new JsonObject
        {
            ["encoding"] = new JsonObject { ["none"] = new JsonObject() },
            ["outer"] = new JsonObject { ["a"] = new JsonObject { ["inner"] = new JsonObject { ["b"] = new JsonObject { ["x"] = 1.0 / 3, ["y"] = 1e-7 } } } },
        };
        Assert.AreEqual("encoding=none outer=a(inner=b(x=0.333333 y=1E-07))", ParameterSummary.Format(mixed, "gbdt"));
        Assert.AreEqual("", ParameterSummary.Format([]));
    }

    [TestMethod]
    public void Load_reads_a_study_from_a_store_or_names_the_ones_there()
    {
        using var folder = new TempFolder();
        using var store = SqliteTrialStore.Open(folder.File("trials.db"));
        store.OpenStudy(Spec("first"));
        store.Save("first", Succeeded(0, 0.6));
        store.Save("first", Succeeded(1, 0.7));

        var board = Leaderboard.Load(store, "first");
        Assert.AreEqual("first", board.Study.Name);
        CollectionAssert.AreEqual(new[] { 1, 0 }, board.Ranked.Select(r => r.Trial).ToArray());
        StringAssert.Contains(Assert.ThrowsExactly<TrialStoreException>(() => Leaderboard.Load(store, "second")).Message, "studies there: first");
    }
}
