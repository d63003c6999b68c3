using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.SearchSpace;
using Pipelines.Data;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Tests.Experiments;

/// <summary>On small data with a metric of the predicted class, the ensemble is selected by out-of-fold log loss.</summary>
[TestClass]
public sealed class SmallDataEnsembleTests
{
    [TestMethod]
    [TestCategory("EndToEnd")]
    public void The_ensemble_blends_learners_by_log_loss_within_two_rows_of_the_best_trial()
    {
        ILearnerSpace[] learners = [new GbdtLearnerSpace(), new LinearLearnerSpace()];
        using var store = new RecordingTrialStore();
        var result = new Experiment(new ExperimentOptions { MaxTrials = 20, Learners = learners, Store = store }).Run(Wine());

        Assert.AreEqual(Metric.Accuracy, result.Metric);
        var ensemble = result.Ensemble!;
        Assert.IsTrue(ensemble.IsUsed, $"ensemble {ensemble.Score} vs best trial {result.Best.Score}, members {string.Join(" ", ensemble.Members)}");
        var learnersUsed = ensemble.Members.Select(m => result.Trials.Single(t => t.Id == m.Trial).Learner).Distinct().ToArray();
        Assert.HasCount(2, learnersUsed, "trees and a linear model err differently, so log loss blends both");

        var frame = LabelTask.WithClassLabel(Wine());
        var target = ExperimentTarget.Of(frame, LabelTask.Detect(frame));
        var best = store.Trials(result.Study.Name, withOutOfFold: true).Single(t => t.Id == result.Best.Id);
        var logLoss = target.Score(Metric.LogLoss, result.OutOfFold, result.ValidationRows);
        var bestLogLoss = target.Score(Metric.LogLoss, best.OutOfFold, result.ValidationRows);
        Assert.IsLessThan(bestLogLoss, logLoss);
        Assert.IsLessThanOrEqualTo(2.0 / 178 + 1e-9, result.Best.Score!.Value - ensemble.Score, "at most two rows below the best trial");
    }

    private static DataFrame Wine() => TestData.Read("wine.csv", "cultivar");
}
