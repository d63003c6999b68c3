using Pipelines.AutoML.Ensembling;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Ensembles;
using Pipelines.Evaluation;
using Pipelines.Persistence;
using Pipelines.Tests.Contract;
using Pipelines.Trainers.LinearModels;
using Pipelines.Trainers.Trees;
using Pipelines.Transforms.Cleaning;
using Pipelines.Transforms.Encoding;

namespace Pipelines.AutoML.Tests.Ensembling;

/// <summary>What the experiment runner does: select on held-out predictions of real learners, then build the ensemble from the members.</summary>
[TestClass]
public sealed class SelectionToEnsembleTests
{
    [TestMethod]
    public void The_built_ensemble_scores_what_selection_reported_and_survives_a_file()
    {
        var data = LabelTask.WithClassLabel(ContractData.WithMissing().Without("note"));
        var split = Split.TrainTest(data, 0.4, seed: 5);
        var (train, valid) = (data.Take(split.Train), data.Take(split.Test));
        IEstimator<ITransformer>[] estimators =
        [
            new ImputeMissing().Append(new OneHotEncode()).Append(new LogisticRegression()),
            new GbdtClassifier { Rounds = 10, NumLeaves = 4, MinChildSamples = 3, Seed = 1 },
            new GbdtClassifier { Rounds = 3, NumLeaves = 2, MinChildSamples = 3, Seed = 2 },
        ];
        var fitted = estimators.Select(e => e.Fit(train)).ToArray();
        var actual = ((CategoricalColumn)valid.Label!).Codes.ToArray();
        var predictions = fitted.Select(m => EnsembleMember.Predict(m, valid)).ToArray();

        var result = EnsembleSelection.Select(predictions, actual, 2, Metric.LogLoss, size: 10);
        var ensemble = WeightedEnsemble.Create([.. result.Members.Select(i => fitted[i])], result.MemberWeights, train.Schema);

        Assert.AreEqual(result.Score, ProbabilisticMetrics.LogLoss(actual, ensemble.Predict(valid), 2), 1e-12, "Score is the built ensemble's metric");
        Assert.AreEqual(ProbabilisticMetrics.LogLoss(actual, predictions[result.BestSingleIndex], 2), result.BestSingleScore, 1e-12);

        var path = Path.Combine(Path.GetTempPath(), $"ensemble-{Guid.NewGuid():N}.pipeline");
        try
        {
            PipelineFile.Save(path, ensemble, train.Schema);
            var loaded = (WeightedEnsemble)PipelineFile.Load(path).Model;
            CollectionAssert.AreEqual(ensemble.Weights.ToArray(), loaded.Weights.ToArray());
            CollectionAssert.AreEqual(ensemble.Predict(valid), loaded.Predict(valid));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
