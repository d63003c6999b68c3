using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Store;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.AutoML.Tests.Store;

namespace Pipelines.AutoML.Tests.Experiments;

/// <summary>A time-bounded search keeps k-fold only while the budget affords it, measured by one fit; a resumed study keeps its validation.</summary>
[TestClass]
public sealed class KFoldProbeTests
{
    private static readonly DataFrame Churn = LabelTask.WithClassLabel(TestData.Read("messy_churn.csv", "churned")).Without(["customer_id"]);

    [TestMethod]
    public void K_fold_stays_while_its_trial_needs_at_most_half_the_budget()
    {
        var plan = ValidationPlan.Create(Churn, folds: null, seed: 0);
        var fit = new PrefitFold(new Parameters(), new TransformerChain([]));
        var kept = KFoldProbe.Choose(plan, TimeSpan.FromSeconds(20), "lightgbm", fit, seconds: 2.0);
        Assert.AreSame(plan, kept.Plan);
        Assert.IsTrue(kept.StartsAtLibraryDefaults);
        Assert.AreSame(fit, kept.Prefit, "the probe's fit is the first fold of the probed trial");
        Assert.IsNull(kept.Note);

        var narrowed = KFoldProbe.Choose(plan, TimeSpan.FromSeconds(20), "lightgbm", fit, seconds: 2.2);
        Assert.IsTrue(narrowed.Plan.IsHoldout);
        Assert.AreEqual(5, narrowed.Plan.FirstFoldOf);
        CollectionAssert.AreEqual(plan.Folds[0].Test.Order().ToArray(), narrowed.Plan.ValidationRows.ToArray(), "the holdout is the first fold's test part");
        Assert.IsTrue(narrowed.StartsAtLibraryDefaults, "one fit of the defaults is within half the budget");
        Assert.AreSame(fit, narrowed.Prefit);
        StringAssert.Contains(narrowed.Note, "the first of 5 folds as a holdout");
        StringAssert.Contains(narrowed.Note, "a 5-fold trial needs about 11 s");

        var slow = KFoldProbe.Choose(plan, TimeSpan.FromSeconds(20), "lightgbm", fit, seconds: 10.5);
        Assert.IsFalse(slow.StartsAtLibraryDefaults, "the defaults do not fit even once in half the budget: the search starts low-cost");
        Assert.IsNull(slow.Prefit);
        var cut = KFoldProbe.Choose(plan, TimeSpan.FromSeconds(20), "lightgbm", fit: null, seconds: 10);
        Assert.IsTrue(cut.Plan.IsHoldout);
        Assert.IsFalse(cut.StartsAtLibraryDefaults);
        StringAssert.Contains(cut.Note, "did not fit its training rows within 10.0 s");
    }

    [TestMethod]
    public void A_holdout_of_the_first_fold_refits_in_proportion_to_its_training_part()
    {
        var plan = ValidationPlan.Create(Churn, folds: null, seed: 0).FirstFoldOnly();
        Assert.HasCount(1, plan.Folds);
        Assert.AreEqual(Churn.RowCount / (double)plan.Folds[0].Train.Length, plan.RefitPerTrialSecond, 1e-12);
        Assert.AreSame(plan, plan.FirstFoldOnly());
        Assert.IsNull(ValidationPlan.Create(Churn, folds: null, seed: 0).FirstFoldOf);
    }

    [TestMethod]
    public void The_probe_fits_the_cheapest_learner_that_is_not_scale_sensitive()
    {
        var space = SearchSpaceCatalog.Create(Churn.Schema, PredictionTask.BinaryClassification);
        var defaults = SearchSpaceCatalog.LibraryDefaultTrials(space, Churn.Schema, PredictionTask.BinaryClassification);
        var (learner, parameters) = KFoldProbe.ProbeTrial(SearchSpaceCatalog.DefaultLearners, defaults)!.Value;
        Assert.AreEqual("lightgbm", learner);
        Assert.AreEqual(defaults["lightgbm"], parameters);
        Assert.IsNull(KFoldProbe.ProbeTrial(SearchSpaceCatalog.DefaultLearners, libraryDefaults: null), "a given space has no library defaults to probe");
        Assert.IsNull(KFoldProbe.ProbeTrial([new LinearLearnerSpace()], defaults), "only scale-sensitive learners: nothing to probe");
    }

    [TestMethod]
    public void A_search_the_budget_cannot_afford_k_fold_for_validates_on_the_first_fold_and_resumes_so()
    {
        using var folder = new TempFolder();
        ILearnerSpace[] learners = [SearchSpace.ForestLearnerSpace.RandomForest, new LinearLearnerSpace()];
        var task = LabelTask.Detect(Churn);
        var probes = 0;
        (ITransformer, double) Slow(Parameters p, ValidationPlan plan, CancellationToken cancel)
        {
            probes++;
            return (PipelineFactory.Create(p, Churn.Schema, task, learners, plan.ModelSeed(0, 0)).Fit(Churn.Take(plan.Folds[0].Train)), 1_000);
        }
        ExperimentResult Run(int trials, List<ExperimentEvent> events)
        {
            using var store = SqliteTrialStore.Open(folder.File("trials.db"));
            var options = new ExperimentOptions { TimeBudget = TimeSpan.FromSeconds(120), MaxTrials = trials, Learners = learners, EnsembleSize = 0, Store = store };
            return new Experiment(options) { FirstFoldTimer = Slow }.Run(Churn, events.Add);
        }

        var first = new List<ExperimentEvent>();
        var narrowed = Run(3, first);
        var firstFold = ValidationPlan.Create(Churn, folds: null, seed: 0).Folds[0].Test.Order().ToArray();
        CollectionAssert.AreEqual(firstFold, narrowed.ValidationRows.ToArray());
        StringAssert.Contains(first.OfType<ValidationNarrowed>().Single().Detail, "random_forest's defaults fitted its training rows in 1000.0 s");
        Assert.IsTrue(narrowed.Trials.All(t => t.FoldScores.Count == 1));

        var second = new List<ExperimentEvent>();
        var resumed = Run(5, second);
        Assert.AreEqual(1, probes, "a resumed study keeps the validation it was made with, unprobed");
        Assert.IsEmpty(second.OfType<ValidationNarrowed>());
        CollectionAssert.AreEqual(firstFold, resumed.ValidationRows.ToArray());
        Assert.HasCount(5, resumed.Trials);
    }
}
