using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Store;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Evaluation;
using Pipelines.Prediction;
using Pipelines.Tests.Contract;

namespace Pipelines.AutoML.Tests.Experiments;

[TestClass]
public sealed class ExperimentTests
{
    private static readonly ILearnerSpace[] Cheap = [new GbdtLearnerSpace(), new LinearLearnerSpace()];

    [TestMethod]
    public void A_trial_count_makes_the_run_reproducible()
    {
        var options = new ExperimentOptions { MaxTrials = 8, Parallelism = 2, Seed = 3, Learners = Cheap, EnsembleSize = 0 };
        var first = new Experiment(options).Run(TestData.Iris());
        var second = new Experiment(options).Run(TestData.Iris());
        Assert.HasCount(8, first.Trials);
        CollectionAssert.AreEqual(Describe(first.Trials), Describe(second.Trials));
        Assert.IsTrue(first.Trials.All(t => t.Status == TrialStatus.Succeeded));
        Assert.AreEqual(Metric.Accuracy, first.Metric, "iris is balanced: accuracy by default");
        Assert.IsGreaterThan(0.9, first.Best.Score!.Value);
    }

    [TestMethod]
    public void For_accuracy_the_rule_is_argmax_of_calibrated_probabilities_and_for_macro_f1_it_is_tuned()
    {
        var data = ContractData.Standard();
        Run(Metric.Accuracy, out var accuracy);
        Assert.IsNull(accuracy.Decision!.Rule, "argmax maximizes expected accuracy: nothing tuned on out-of-fold rows");
        Assert.IsTrue(((Calibration.ClassWeightRule)accuracy.Decision.Step.Rule).Weights.All(w => w == 1f));
        Run(Metric.MacroF1, out var macroF1);
        Assert.IsNotNull(macroF1.Decision!.Rule);

        void Run(Metric metric, out ExperimentResult result) =>
            result = new Experiment(new ExperimentOptions { MaxTrials = 2, Parallelism = 1, Learners = Cheap, EnsembleSize = 0, Folds = 3, Metric = metric }).Run(data);
    }

    [TestMethod]
    public void The_final_models_score_decides_with_its_tuned_rule_cross_fitted()
    {
        // 3,000 rows with a minority class: a threshold tuned for macro-F1 holds up on rows it was not tuned on and ships.
        var data = TestData.Read("messy_churn.csv", "churned");
        var result = new Experiment(new ExperimentOptions { MaxTrials = 2, Parallelism = 2, Learners = Cheap, EnsembleSize = 0, Folds = 3, Metric = Metric.MacroF1 }).Run(data);
        var rule = result.Decision!.Rule!;
        Assert.IsInstanceOfType<Calibration.ThresholdRule>(rule.Rule, "the tuned threshold ships");
        var labels = result.Decision.CrossFitLabels;
        var label = (CategoricalColumn)data.Label!;
        var actual = result.ValidationRows.Select(r => result.Classes.ToList().IndexOf(label.ValueAt(r)!)).ToArray();
        Assert.AreEqual(ClassificationMetrics.MacroF1(actual, labels, 2), result.Score, 1e-12);
        Assert.AreEqual(rule.HeldOutValue!.Value, result.Score, 1e-12, "the value of the rule on rows it was not tuned on");
        Assert.IsLessThan(rule.Value, result.Score, "below the value on the rows the rule was tuned on");
        Assert.AreEqual(result.Score, result.BestModelScore, "without an ensemble the final model is the best trial's");
    }

    [TestMethod]
    public void For_log_loss_the_final_models_score_is_its_calibration_s_on_rows_it_was_not_fitted_on()
    {
        var data = TestData.Read("messy_churn.csv", "churned");
        var result = new Experiment(new ExperimentOptions { MaxTrials = 2, Parallelism = 2, Learners = Cheap, EnsembleSize = 0, Folds = 3, Metric = Metric.LogLoss }).Run(data);
        var calibration = result.Decision!.Calibration;
        Assert.AreNotEqual(Calibration.CalibrationMethod.None, calibration.Method, "the out-of-fold probabilities of these trials gain from calibration");
        Assert.AreEqual(calibration.LogLoss[calibration.Method], result.Score, 1e-9, "the calibrated figure, each row calibrated without its fold");
        var uncalibrated = calibration.LogLoss[Calibration.CalibrationMethod.None];
        Assert.IsLessThan(uncalibrated, result.Score, "the model that ships calibrates its probabilities; the uncalibrated figure is not its");
        Assert.AreEqual(result.Score, result.BestModelScore, "without an ensemble the final model is the best trial's");
    }

    [TestMethod]
    public void A_fixed_threshold_decides_the_labels_and_log_loss_still_scores_the_probabilities()
    {
        var data = TestData.Read("messy_churn.csv", "churned");
        var decision = new DecisionPolicy { Threshold = 0.3 };
        var result = new Experiment(new ExperimentOptions { MaxTrials = 2, Parallelism = 2, Learners = Cheap, EnsembleSize = 0, Folds = 3, Metric = Metric.LogLoss, Decision = decision }).Run(data);
        var label = (CategoricalColumn)data.Label!;
        var actual = result.ValidationRows.Select(r => result.Classes.ToList().IndexOf(label.ValueAt(r)!)).ToArray();
        var probabilities = ProbabilisticMetrics.LogLoss(actual, result.OutOfFold, 2);
        Assert.AreEqual(probabilities, result.Score, 1e-9, "the probabilities the fixed step leaves as they are, not its one-hot labels");
        foreach (var trial in result.Trials.Where(t => t.Score is not null))
            Assert.IsLessThan(1.0, trial.Score!.Value, $"trial {trial.Id} is ranked by its probabilities' log loss");
        var expected = result.OutOfFold.Chunk(2).Select(p => p[1] >= 0.3f ? 1 : 0).ToArray();
        CollectionAssert.AreEqual(expected, result.Decision!.CrossFitLabels, "labels decided at the fixed threshold");
    }

    [TestMethod]
    public void The_classes_are_those_the_rows_hold()
    {
        // iris without 'versicolor' rows, its category kept (a frame taken from a larger one).
        var iris = TestData.Iris();
        var label = (CategoricalColumn)iris.Label!;
        var data = iris.Take([.. Enumerable.Range(0, iris.RowCount).Where(r => label.ValueAt(r) != "versicolor")]);
        Assert.HasCount(3, ((CategoricalColumn)data.Label!).Categories);
        var result = new Experiment(new ExperimentOptions { MaxTrials = 4, Parallelism = 2, Learners = Cheap, EnsembleSize = 0, Folds = 3 }).Run(data);
        CollectionAssert.AreEqual(new[] { "setosa", "virginica" }, result.Classes.ToArray());
        Assert.AreEqual(PredictionTask.BinaryClassification, result.Task);
        Assert.IsTrue(result.Trials.All(t => t.Status == TrialStatus.Succeeded), string.Join("; ", result.Trials.Select(t => t.Error)));
        Assert.AreEqual(1.0, result.Score, "setosa and virginica are apart");
    }

    [TestMethod]
    public void A_fold_without_a_class_of_one_row_fits_models_of_every_class()
    {
        // setosa, virginica and one versicolor row: the folds whose training rows lack it hold two classes of three.
        // Read as binary there, boosting learnt virginica as "not versicolor" and scored a third of its rows as setosa.
        var iris = TestData.Iris();
        var label = (CategoricalColumn)iris.Label!;
        var versicolor = Enumerable.Range(0, iris.RowCount).First(r => label.ValueAt(r) == "versicolor");
        var data = iris.Take([.. Enumerable.Range(0, iris.RowCount).Where(r => label.ValueAt(r) != "versicolor" || r == versicolor)]);
        var result = new Experiment(new ExperimentOptions { MaxTrials = 4, Parallelism = 2, Learners = Cheap, EnsembleSize = 0, Folds = 3, Metric = Metric.Accuracy }).Run(data);
        Assert.AreEqual(PredictionTask.MulticlassClassification, result.Task);
        foreach (var trial in result.Trials)
        {
            Assert.AreEqual(TrialStatus.Succeeded, trial.Status, trial.Error);
            Assert.IsGreaterThanOrEqualTo(0.95, trial.Score!.Value, $"trial {trial.Id} ({trial.Learner})");
        }
    }

    [TestMethod]
    public void A_run_asked_for_regression_regresses_a_label_of_whole_numbers_and_refits_it()
    {
        // iris's species as the numbers 1, 2, 3: classes by default, values when regression is asked for.
        var iris = TestData.Iris();
        var species = (CategoricalColumn)iris.Label!;
        var data = iris.With(new NumericColumn("species", [.. Enumerable.Range(0, iris.RowCount).Select(r => (float)(species[r] + 1))]));
        var options = new ExperimentOptions { MaxTrials = 3, Parallelism = 2, Learners = Cheap, EnsembleSize = 0, Folds = 3 };
        Assert.AreEqual(PredictionTask.MulticlassClassification, new Experiment(options).Run(data).Task);
        var result = new Experiment(options with { Task = TaskChoice.Regression }).Run(data);
        Assert.AreEqual(PredictionTask.Regression, result.Task);
        Assert.AreEqual(Metric.R2, result.Metric);
        Assert.IsTrue(result.Trials.All(t => t.Status == TrialStatus.Succeeded), string.Join("; ", result.Trials.Select(t => t.Error)));
        Assert.IsGreaterThan(0.8, result.Score);
        var refit = result.Recipe.Refit(data).Transform(data);
        Assert.IsTrue(refit.Contains(PredictionColumns.Score), "the refit model regresses too");
    }

    [TestMethod]
    public void Under_k_fold_the_first_trials_are_each_learners_library_defaults()
    {
        var data = TestData.Iris();
        var result = new Experiment(new ExperimentOptions { MaxTrials = 2, Parallelism = 1, Learners = Cheap, EnsembleSize = 0 }).Run(data);
        var space = SearchSpaceCatalog.Create(data.Schema, PredictionTask.MulticlassClassification, Cheap);
        var defaults = SearchSpaceCatalog.LibraryDefaultTrials(space, data.Schema, PredictionTask.MulticlassClassification, Cheap);
        CollectionAssert.AreEquivalent(new[] { "gbdt", "linear" }, result.Trials.Select(t => t.Learner).ToArray(), "each learner once before any learner twice");
        foreach (var trial in result.Trials)
        {
            var expected = defaults.GetValueOrDefault(trial.Learner!) ?? space.Pin(SearchSpaceCatalog.Learner, trial.Learner!).Default;
            Assert.AreEqual(expected, Parameters.FromJson(trial.Parameters), $"trial {trial.Id} ({trial.Learner})");
        }
        Assert.AreEqual("linear", result.Trials[0].Learner, "the cheaper learner's defaults first");
    }

    [TestMethod]
    public void On_holdout_data_the_first_trial_is_the_low_cost_start()
    {
        var data = TestData.Iris();
        var result = new Experiment(new ExperimentOptions { MaxTrials = 1, Parallelism = 1, Learners = Cheap, EnsembleSize = 0, Folds = 1 }).Run(data);
        var space = SearchSpaceCatalog.Create(data.Schema, PredictionTask.MulticlassClassification, Cheap);
        Assert.AreEqual(space.Pin(SearchSpaceCatalog.Learner, result.Trials[0].Learner!).Default.ToString(), result.Trials[0].Parameters.ToJsonString());
    }

    [TestMethod]
    public void The_final_model_is_refit_on_all_rows_and_ignores_text_columns()
    {
        var data = ContractData.Standard();
        var result = new Experiment(new ExperimentOptions { MaxTrials = 4, Parallelism = 2, Learners = Cheap, EnsembleSize = 0, Folds = 3 }).Run(data);
        CollectionAssert.AreEqual(new[] { "note" }, result.DroppedColumns.ToArray());
        var predicted = result.Model.Transform(data);
        Assert.IsTrue(predicted.Contains(PredictionColumns.PredictedLabel));
        Assert.AreEqual(Metric.MacroF1, result.Metric, "36 'no' to 12 'yes' is imbalanced: macro-F1 by default");
        Assert.HasCount(data.RowCount, result.ValidationRows);
        Assert.HasCount(data.RowCount * 2, result.OutOfFold);
    }

    [TestMethod]
    public void Regression_runs_with_r2_by_default()
    {
        var result = new Experiment(new ExperimentOptions { MaxTrials = 4, Learners = [new LinearLearnerSpace()], EnsembleSize = 0, Folds = 3 }).Run(ContractData.Regression());
        Assert.AreEqual(Metric.R2, result.Metric);
        Assert.IsGreaterThan(0.5, result.Best.Score!.Value);
        Assert.IsTrue(result.Model.Transform(ContractData.Regression()).Contains(PredictionColumns.Score));
    }

    [TestMethod]
    public void A_holdout_plan_validates_a_tenth_of_the_rows()
    {
        var result = new Experiment(new ExperimentOptions { MaxTrials = 2, Learners = Cheap, EnsembleSize = 0, Folds = 1 }).Run(TestData.Iris());
        Assert.HasCount(15, result.ValidationRows);
        Assert.IsTrue(result.Trials.All(t => t.FoldScores.Count == 1));
    }

    [TestMethod]
    public void The_time_budget_ends_the_search_and_running_trials_are_cancelled()
    {
        var budget = TimeSpan.FromSeconds(2);
        var starts = new List<TimeSpan>();
        var result = new Experiment(new ExperimentOptions
        {
            TimeBudget = budget, Parallelism = 2, Learners = [new WaitingLearnerSpace(waitMs: 150)], EnsembleSize = 0, Folds = 2, Repeats = 1,
        }).Run(TestData.Iris(), e => { if (e is TrialStarted s) lock (starts) starts.Add(s.Elapsed); });
        // No trial limit, so only the budget can have ended this search. Checked on the run's own clock rather than
        // on wall time, which the machine's load stretches (CI runs test assemblies side by side): no trial starts
        // after the budget (a trial let through just before the deadline is stamped moments later, hence the slack).
        Assert.IsGreaterThanOrEqualTo(1, result.Trials.Count(t => t.Status == TrialStatus.Succeeded));
        Assert.IsLessThan(budget + TimeSpan.FromSeconds(0.5), starts.Max(), "no trial starts after the budget");
        Assert.IsTrue(result.Trials.Where(t => t.Status == TrialStatus.Cancelled).All(t => t.Error!.Contains("time budget", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void A_trial_over_its_time_limit_fails_and_the_search_goes_on()
    {
        var result = new Experiment(new ExperimentOptions
        {
            MaxTrials = 3, Parallelism = 1, Learners = [new WaitingLearnerSpace(waitMs: 60_000)], EnsembleSize = 0, Folds = 2,
            TrialTimeLimit = TimeSpan.FromMilliseconds(200),
        }).Invoking(e => e.Run(TestData.Iris()));
        Assert.Contains("time limit", result.Message);
    }

    [TestMethod]
    public void Failing_trials_are_recorded_with_their_error_and_the_search_goes_on()
    {
        var store = new RecordingTrialStore();
        var result = new Experiment(new ExperimentOptions
        {
            MaxTrials = 12, Parallelism = 2, Tuner = TunerKind.Random, Seed = 5, Learners = [new WaitingLearnerSpace(canFail: true)],
            EnsembleSize = 0, Folds = 2, Store = store,
        }).Run(TestData.Iris());
        var failed = result.Trials.Where(t => t.Status == TrialStatus.Failed).ToArray();
        Assert.IsNotEmpty(failed);
        Assert.IsTrue(failed.All(t => t.Error == "InvalidOperationException: this trial was told to fail"));
        Assert.IsTrue(result.Trials.Any(t => t.Status == TrialStatus.Succeeded));
        Assert.IsTrue(result.Trials.All(t => t.ReportOrder is not null), "failed trials are reported to the tuner too");
    }

    [TestMethod]
    public void The_memory_guard_stops_the_newest_trial_and_the_search_goes_on()
    {
        var probes = 0;
        var result = new Experiment(new ExperimentOptions
        {
            MaxTrials = 4, Parallelism = 2, Learners = [new WaitingLearnerSpace(waitMs: 400)], EnsembleSize = 0, Folds = 2,
            MemoryLimitBytes = 1 << 30,
        })
        { MemoryProbe = () => Interlocked.Increment(ref probes) <= 2 ? 2L << 30 : 0 }.Run(TestData.Iris());
        var stopped = result.Trials.Single(t => t.Status == TrialStatus.Failed);
        Assert.AreEqual(1, stopped.Id, "trials 0 and 1 start together; the newer one is stopped");
        Assert.Contains("memory guard", stopped.Error!);
        Assert.AreEqual(3, result.Trials.Count(t => t.Status == TrialStatus.Succeeded));
    }

    [TestMethod]
    public void An_interrupted_run_resumes_from_the_store_without_rerunning_finished_trials()
    {
        var options = new ExperimentOptions { MaxTrials = 8, Parallelism = 2, Seed = 7, Learners = Cheap, EnsembleSize = 0, Folds = 3 };
        var reference = new Experiment(options).Run(TestData.Iris());

        var store = new RecordingTrialStore();
        using var interrupt = new CancellationTokenSource();
        var phases = new List<ExperimentPhase>();
        var first = new Experiment(options with { Store = store }).Run(TestData.Iris(), e =>
        {
            if (e is PhaseStarted p) phases.Add(p.Phase);
            if (e is TrialEnded { TrialsDone: >= 3 }) interrupt.Cancel();
        }, interrupt.Token);
        CollectionAssert.DoesNotContain(phases, ExperimentPhase.Resuming, "a fresh study has nothing to resume");
        Assert.IsTrue(first.Interrupted);
        var finishedBefore = first.Trials.Count(t => t.Status == TrialStatus.Succeeded);
        Assert.IsLessThan(8, finishedBefore);

        var started = new List<int>();
        phases.Clear();
        var second = new Experiment(options with { Store = store }).Run(TestData.Iris(), e =>
        {
            if (e is PhaseStarted p) phases.Add(p.Phase);
            if (e is TrialStarted s) started.Add(s.Id);
        });
        CollectionAssert.Contains(phases, ExperimentPhase.Resuming);
        Assert.HasCount(8, second.Trials);
        Assert.HasCount(8 - finishedBefore, started, "finished trials are replayed, not run again");
        Assert.AreEqual(string.Join("\n", Describe(reference.Trials)), string.Join("\n", Describe(second.Trials)), "resuming gives the trials an uninterrupted run gives");
    }

    [TestMethod]
    public void A_resumed_study_tells_the_tuner_the_costs_the_first_run_reported()
    {
        // A timed search tells the tuner what a trial stopped for its pace was projected to need, not the seconds it ran,
        // and afterwards only the store knows that cost. Here the last reported trial's stored cost is made ten thousand
        // times dearer: resumed from it, the search proposes otherwise than resumed from the cost as it was, and its
        // learner less.
        var options = new ExperimentOptions { MaxTrials = 6, Parallelism = 1, Seed = 7, Learners = Cheap, EnsembleSize = 0, Folds = 3 };
        var store = new RecordingTrialStore();
        var first = new Experiment(options with { Store = store }).Run(TestData.Iris());
        Assert.IsTrue(first.Trials.All(t => t.ReportedCost is > 0), "every reported trial keeps the cost it was reported with");

        var study = store.Studies().Single();
        var last = first.Trials.MaxBy(t => t.ReportOrder)!;
        var dearer = new RecordingTrialStore();
        dearer.OpenStudy(study);
        foreach (var trial in store.Trials(study.Name, withOutOfFold: true))
            dearer.Save(study.Name, trial.Id == last.Id ? trial with { ReportedCost = trial.ReportedCost * 10_000 } : trial);
        var asStored = new Experiment(options with { Store = store, MaxTrials = 14 }).Run(TestData.Iris());
        var asDearer = new Experiment(options with { Store = dearer, MaxTrials = 14 }).Run(TestData.Iris());
        CollectionAssert.AreEqual(Describe(asStored.Trials)[..6], Describe(asDearer.Trials)[..6], "the stored trials are replayed alike");
        Assert.IsLessThan(asStored.Trials.Skip(6).Count(t => t.Learner == last.Learner), asDearer.Trials.Skip(6).Count(t => t.Learner == last.Learner),
            $"the dearer learner ({last.Learner}) is proposed less");
    }

    [TestMethod]
    public void A_study_resumed_with_other_settings_is_refused()
    {
        var store = new RecordingTrialStore();
        var options = new ExperimentOptions { MaxTrials = 2, Learners = Cheap, EnsembleSize = 0, Folds = 2, Store = store };
        new Experiment(options).Run(TestData.Iris());
        Assert.ThrowsExactly<TrialStoreException>(() => new Experiment(options with { Seed = 99 }).Run(TestData.Iris()));
    }

    [TestMethod]
    public void Bad_settings_are_refused_with_a_clear_error()
    {
        var noLimit = Assert.ThrowsExactly<ArgumentException>(() => new Experiment(new ExperimentOptions()).Run(TestData.Iris()));
        Assert.Contains("time budget, a trial count", noLimit.Message);
        var wrongMetric = Assert.ThrowsExactly<PipelineException>(() => new Experiment(new ExperimentOptions { MaxTrials = 1, Metric = Metric.Rmse }).Run(TestData.Iris()));
        Assert.Contains("Rmse", wrongMetric.Message);
        Assert.ThrowsExactly<SchemaException>(() => new Experiment(new ExperimentOptions { MaxTrials = 1 }).Run(TestData.Iris().WithLabel(null)));
    }

    private static string[] Describe(IReadOnlyList<TrialEntry> trials) =>
        [.. trials.Select(t => $"{t.Id} {t.Status} pa={t.ProposedAfter} ro={t.ReportOrder} {t.Parameters.ToJsonString()[^60..]} {t.Score:R}")];
}

internal static class ExperimentAssertions
{
    /// <summary>Runs and returns the PipelineException it must throw.</summary>
    public static PipelineException Invoking(this Experiment experiment, Func<Experiment, ExperimentResult> run) =>
        Assert.ThrowsExactly<PipelineException>(() => run(experiment));
}
