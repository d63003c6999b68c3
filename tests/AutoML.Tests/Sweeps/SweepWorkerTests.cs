using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Store;
using Pipelines.AutoML.Sweeps;
using Pipelines.AutoML.Sweeps.Workers;
using Pipelines.AutoML.Tests.Experiments;
using Pipelines.AutoML.Tests.Store;
using Pipelines.AutoML.Tuners;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.IO;

namespace Pipelines.AutoML.Tests.Sweeps;

/// <summary>Studies run by several workers sharing one SQLite store (threads here; processes in the CLI tests).</summary>
[TestClass]
public sealed class SweepWorkerTests : TempFolderTests
{
    /// <summary>Hyperparameters of the test learner: the l2 penalty only, so a grid of n points is n trials.</summary>
    private const string Space = """{"l2": {"float": [0.001, 10], "log": true}}""";

    private static readonly ILearnerSpace[] Learners = [new WaitingLearnerSpace(waitMs: 20)];

    private string Data()
    {
        var path = FileIn("iris.csv");
        if (!File.Exists(path)) CsvWriter.Write(TestData.Iris(), path);
        return path;
    }

    private SweepStudyOptions Options(TunerKind tuner, int? trials = null, int gridPoints = 6) => new()
    {
        SpaceJson = Space,
        Learner = "waiting",
        DataPath = Data(),
        Label = "species",
        Folds = 3,
        Seed = 4,
        Tuner = tuner,
        GridPoints = gridPoints,
        Trials = trials,
        Learners = Learners,
    };

    private static List<WorkerSummary> RunWorkers(string path, string study, int workers)
    {
        var summaries = new WorkerSummary[workers];
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            using var store = SqliteTrialStore.Open(path);
            var options = new SweepWorkerOptions { WorkerId = $"w{w}", Learners = Learners, Threads = 1, Poll = TimeSpan.FromMilliseconds(20) };
            summaries[w] = new SweepWorker(store, study, options).Run();
        });
        return [.. summaries];
    }

    [TestMethod]
    public void A_grid_gives_the_same_trials_with_one_worker_and_with_three()
    {
        var one = FileIn("one.db");
        var three = FileIn("three.db");
        foreach (var path in new[] { one, three })
        {
            using var store = SqliteTrialStore.Open(path);
            var created = SweepStudies.Create(store, "grid", Options(TunerKind.Grid));
            Assert.AreEqual((6, true), (created.Trials, created.Created));
        }

        var single = RunWorkers(one, "grid", 1);
        var several = RunWorkers(three, "grid", 3);

        Assert.AreEqual(6, single.Single().Finished);
        Assert.AreEqual(6, several.Sum(s => s.Finished));
        Assert.IsTrue(single.Concat(several).All(s => s.Stop == WorkerStop.StudyComplete && s.Lost == 0));
        using var a = SqliteTrialStore.Open(one);
        using var b = SqliteTrialStore.Open(three);
        string Summary(TrialEntry t) => $"{t.Id} {t.Parameters.ToJsonString()} {t.Status} {t.Score:R}";
        CollectionAssert.AreEqual(a.Trials("grid").Select(Summary).ToArray(), b.Trials("grid").Select(Summary).ToArray());
        var items = b.WorkItems("grid");
        Assert.IsTrue(items.All(i => i.Trial.Status == TrialStatus.Succeeded && i.Attempts == 1));
        CollectionAssert.AreEqual(Enumerable.Range(0, 6).ToArray(), items.Select(i => i.Trial.ReportOrder!.Value).Order().ToArray());

        var progress = SweepStudies.Progress(b, "grid");
        Assert.IsTrue(progress.IsComplete);
        Assert.AreEqual((6, 6, 0), (progress.Planned, progress.Finished, progress.Retried));
        Assert.AreEqual(items.Max(i => i.Trial.Score), progress.Leaderboard.Best!.Score);
    }

    [TestMethod]
    public void An_adaptive_study_is_one_search_shared_by_its_workers()
    {
        var path = FileIn("cfo.db");
        using (var store = SqliteTrialStore.Open(path))
            Assert.AreEqual(0, SweepStudies.Create(store, "cfo", Options(TunerKind.Cfo, trials: 8)).Trials, "adaptive trials are proposed as workers go");

        var summaries = RunWorkers(path, "cfo", 3);

        Assert.AreEqual(8, summaries.Sum(s => s.Finished));
        using var check = SqliteTrialStore.Open(path);
        var trials = check.Trials("cfo");
        CollectionAssert.AreEqual(Enumerable.Range(0, 8).ToArray(), trials.Select(t => t.Id).ToArray());
        Assert.IsTrue(trials.All(t => t.Status == TrialStatus.Succeeded));
        // The stored history replays into a fresh tuner exactly: every proposal matches, so it is one consistent search.
        var definition = SweepStudies.Load(check, "cfo");
        var space = SweepSpace.Create(SearchSpaceJson.Read(Space), "waiting", Pipelines.Data.PredictionTask.MulticlassClassification, Learners);
        var tuner = new CfoTuner(space, definition.Seed);
        var pending = TrialReplay.Run(tuner, trials, (t, e) => tuner.Report(t, -e.Score!.Value, e.Seconds, failed: false), "cfo");
        Assert.IsEmpty(pending);
    }

    [TestMethod]
    public void A_worker_stops_at_its_trial_limit_and_another_finishes_the_study()
    {
        var path = FileIn("trials.db");
        using var store = SqliteTrialStore.Open(path);
        SweepStudies.Create(store, "random", Options(TunerKind.Random, trials: 5));

        var first = new SweepWorker(store, "random", new SweepWorkerOptions { WorkerId = "a", Learners = Learners, MaxTrials = 2 });
        var events = new List<WorkerEvent>();
        Assert.AreEqual(WorkerStop.TrialLimit, first.Run(events.Add).Stop);
        CollectionAssert.AreEqual(new[] { 0, 1 }, events.OfType<TrialDone>().Select(e => e.Trial.Id).ToArray());
        Assert.IsTrue(events.OfType<TrialDone>().All(e => e.Recorded && e.Trial.Status == TrialStatus.Succeeded));

        var second = new SweepWorker(store, "random", new SweepWorkerOptions { WorkerId = "b", Learners = Learners }).Run();
        Assert.AreEqual((3, WorkerStop.StudyComplete), (second.Finished, second.Stop));
        CollectionAssert.AreEqual(new[] { "a", "a", "b", "b", "b" }, store.WorkItems("random").Select(i => i.Worker).ToArray());
    }

    [TestMethod]
    public void An_interrupted_worker_puts_its_trial_back()
    {
        var path = FileIn("trials.db");
        using var store = SqliteTrialStore.Open(path);
        var slow = new ILearnerSpace[] { new WaitingLearnerSpace(waitMs: 5_000) };
        SweepStudies.Create(store, "grid", Options(TunerKind.Grid, gridPoints: 2) with { Learners = slow });
        using var interrupt = new CancellationTokenSource();

        var summary = new SweepWorker(store, "grid", new SweepWorkerOptions { Learners = slow }).Run(e =>
        {
            if (e is TrialClaimed) interrupt.CancelAfter(100);
        }, interrupt.Token);

        Assert.AreEqual((WorkerStop.Interrupted, 0), (summary.Stop, summary.Finished));
        var items = store.WorkItems("grid");
        Assert.IsTrue(items.All(i => i.Trial.Status == TrialStatus.Queued && i.Attempts == 0 && i.Worker is null));
    }

    [TestMethod]
    public void A_worker_whose_trial_was_taken_over_stops_it_and_writes_nothing()
    {
        using var store = SqliteTrialStore.Open(FileIn("trials.db"));
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        store.Clock = clock;
        var slow = new ILearnerSpace[] { new WaitingLearnerSpace(waitMs: 10_000) };
        SweepStudies.Create(store, "grid", Options(TunerKind.Grid, gridPoints: 2) with { Learners = slow, Grace = TimeSpan.FromSeconds(1) });
        using var interrupt = new CancellationTokenSource();
        var events = new List<WorkerEvent>();
        var worker = Task.Run(() => new SweepWorker(store, "grid", new SweepWorkerOptions { WorkerId = "slow", Learners = slow }).Run(e =>
        {
            lock (events) events.Add(e);
            if (e is TrialDone) interrupt.Cancel();
        }, interrupt.Token));
        SpinWait.SpinUntil(() => store.WorkItems("grid")[0] is { Worker: "slow", Trial.Status: TrialStatus.Running }, TimeSpan.FromSeconds(30));

        clock.Advance(TimeSpan.FromSeconds(2));
        var thief = store.Claim("grid", "thief", new RequeuePolicy(TimeSpan.FromSeconds(1), 3));
        Assert.AreEqual((0, 2), (thief.Claim!.Trial.Id, thief.Claim.Attempt));
        var summary = worker.Wait(TimeSpan.FromSeconds(30)) ? worker.Result : throw new TimeoutException("the worker did not notice");

        Assert.AreEqual((1, 0), (summary.Lost, summary.Finished));
        var done = events.OfType<TrialDone>().Single();
        Assert.IsFalse(done.Recorded);
        var item = store.WorkItems("grid")[0];
        Assert.AreEqual((TrialStatus.Running, "thief", 2), (item.Trial.Status, item.Worker, item.Attempts), "the trial is the thief's, untouched");
    }

    [TestMethod]
    public void Workers_refuse_other_data_and_studies_not_made_for_them()
    {
        var path = FileIn("trials.db");
        using var store = SqliteTrialStore.Open(path);
        SweepStudies.Create(store, "grid", Options(TunerKind.Grid));
        var other = FileIn("other.csv");
        File.WriteAllLines(other, File.ReadAllLines(Data()).Take(120));

        var data = Assert.ThrowsExactly<PipelineException>(() =>
            new SweepWorker(store, "grid", new SweepWorkerOptions { DataPath = other, Learners = Learners }).Run());
        StringAssert.Contains(data.Message, "is not the data study 'grid' was created with");

        store.OpenStudy(new StudySpec("inproc", "sweep", "Accuracy", true, "f", "{}"));
        StringAssert.Contains(Assert.ThrowsExactly<TrialStoreException>(() => new SweepWorker(store, "inproc").Run()).Message, "'pipelines sweep create'");
        StringAssert.Contains(Assert.ThrowsExactly<TrialStoreException>(() => new SweepWorker(store, "missing").Run()).Message, "studies there: grid, inproc");
    }

    [TestMethod]
    public void Create_checks_the_budget_and_is_idempotent()
    {
        using var store = SqliteTrialStore.Open(FileIn("trials.db"));
        StringAssert.Contains(Assert.ThrowsExactly<PipelineException>(() => SweepStudies.Create(store, "r", Options(TunerKind.Random))).Message, "needs --trials");
        StringAssert.Contains(Assert.ThrowsExactly<PipelineException>(() => SweepStudies.Create(store, "e", Options(TunerKind.Eci, trials: 3))).Message, "in process only");
        Assert.IsEmpty(store.Studies());

        var first = SweepStudies.Create(store, "g", Options(TunerKind.Grid, trials: 4));
        var again = SweepStudies.Create(store, "g", Options(TunerKind.Grid, trials: 4));
        Assert.AreEqual((4, true, 4, false), (first.Trials, first.Created, again.Trials, again.Created));
        Assert.ThrowsExactly<TrialStoreException>(() => SweepStudies.Create(store, "g", Options(TunerKind.Grid, trials: 5)));
        Assert.AreEqual(first.Definition, SweepStudies.Load(store, "g"), "the definition round-trips through the store");
        Assert.IsFalse(first.Study.SettingsJson.Contains("\"task\"", StringComparison.Ordinal), "a study left to the label keeps the settings (and hash) it had before the choice");
    }

    [TestMethod]
    public void Ignored_columns_are_left_out_of_every_trial_and_of_the_best_pipeline()
    {
        var db = FileIn("ignore.db");
        using var store = SqliteTrialStore.Open(db);
        var created = SweepStudies.Create(store, "i", Options(TunerKind.Grid, gridPoints: 2) with { Ignore = ["petal width (cm)"] });
        CollectionAssert.AreEqual(new[] { "petal width (cm)" }, SweepStudies.Load(store, "i").Ignore.ToArray(), "the columns round-trip through the store");
        StringAssert.Contains(created.Study.SettingsJson, "\"ignore\":[\"petal width (cm)\"]");
        Assert.AreEqual(created.Definition, SweepStudies.Load(store, "i"), "equal definitions, the list compared by its names");
        new SweepWorker(store, "i", new SweepWorkerOptions { WorkerId = "w", Learners = Learners, Threads = 1, Poll = TimeSpan.FromMilliseconds(20) }).Run();
        var best = SweepStudies.RefitBest(store, "i", learners: Learners);
        Assert.IsFalse(best.Schema.Contains("petal width (cm)"), "rows to predict need not have it");
        Assert.IsTrue(best.Schema.Contains("petal length (cm)"));

        var unknown = Assert.ThrowsExactly<PipelineException>(() => SweepStudies.Create(store, "u", Options(TunerKind.Grid) with { Ignore = ["Petal Width (cm)"] }));
        StringAssert.Contains(unknown.Message, "The header has 'petal width (cm)'");
    }

    [TestMethod]
    public void A_study_of_a_workbooks_named_sheet_has_its_workers_read_that_sheet()
    {
        // iris on the second sheet of a workbook whose first sheet is notes, as the CSV file's text would fill the cells.
        var lines = File.ReadAllLines(Data());
        object?[]?[] rows = [.. lines.Select((line, i) => line.Split(',').Select(v => i > 0 && double.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var x) ? (object?)x : v).ToArray())];
        var book = FileIn("iris.xlsx");
        Pipelines.Tests.WorkbookFile.Write(book, ("Notes", [["read me"]]), ("Iris", rows));
        var db = FileIn("sheet.db");
        using var store = SqliteTrialStore.Open(db);
        var created = SweepStudies.Create(store, "s", Options(TunerKind.Grid, gridPoints: 2) with { DataPath = book, Sheet = "Iris" });
        StringAssert.Contains(created.Study.SettingsJson, "\"sheet\":\"Iris\"");
        Assert.AreEqual(created.Definition, SweepStudies.Load(store, "s"), "the sheet round-trips through the store");
        new SweepWorker(store, "s", new SweepWorkerOptions { WorkerId = "w", Learners = Learners, Threads = 1, Poll = TimeSpan.FromMilliseconds(20) }).Run();
        var best = SweepStudies.RefitBest(store, "s", learners: Learners);
        Assert.IsTrue(best.Schema.Contains("petal length (cm)"), "the best pipeline reads the named sheet's columns");

        var first = Assert.ThrowsExactly<DataFormatException>(() => SweepStudies.Create(store, "f", Options(TunerKind.Grid) with { DataPath = book }));
        StringAssert.Contains(first.Message, "sheet 'Notes'", "without a sheet named, the first is read and the error names it");
        Assert.IsFalse((created.Definition with { Sheet = null }).ToJson().Contains("sheet", StringComparison.Ordinal), "a study without a sheet keeps the settings (and hash) it had before the choice");
    }

    [TestMethod]
    public void A_study_asked_for_regression_has_its_workers_regress_a_label_of_whole_numbers()
    {
        // iris's species as the numbers 1, 2, 3 (classes by default), swept as values with the linear learner.
        var iris = TestData.Iris();
        var species = (CategoricalColumn)iris.Label!;
        var path = FileIn("ratings.csv");
        CsvWriter.Write(iris.With(new NumericColumn("species", [.. Enumerable.Range(0, iris.RowCount).Select(r => (float)(species[r] + 1))])), path);
        var db = FileIn("regression.db");
        using (var store = SqliteTrialStore.Open(db))
        {
            var options = new SweepStudyOptions
            {
                SpaceJson = """{"l2": {"float": [0.0001, 1], "log": true}}""", Learner = "linear", DataPath = path, Label = "species",
                Folds = 3, Seed = 4, Tuner = TunerKind.Grid, GridPoints = 2, Task = TaskChoice.Regression,
            };
            var created = SweepStudies.Create(store, "r", options);
            Assert.AreEqual(Evaluation.Metric.R2, created.Definition.Metric);
            Assert.AreEqual(TaskChoice.Regression, SweepStudies.Load(store, "r").Task, "the choice round-trips through the store");
        }
        using (var store = SqliteTrialStore.Open(db))
        {
            new SweepWorker(store, "r", new SweepWorkerOptions { WorkerId = "w", Threads = 1, Poll = TimeSpan.FromMilliseconds(20) }).Run();
            var trials = store.Trials("r");
            Assert.HasCount(2, trials);
            Assert.IsTrue(trials.All(t => t.Status == TrialStatus.Succeeded && t.Score > 0.8), string.Join("; ", trials.Select(t => $"{t.Status} {t.Score} {t.Error}")));
        }
    }
}
