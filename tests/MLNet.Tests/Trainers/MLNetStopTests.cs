using Pipelines.Core;
using Pipelines.MLNet.Trainers;

namespace Pipelines.MLNet.Tests.Trainers;

/// <summary>
/// A stopped training context ends an ML.NET fit midway (the search stops trials at its deadline and stops those that
/// cannot finish in time). Each fit here asks for far more trees or iterations than could finish before the test's
/// timeout, so a trainer that ignored the stop would still be running when the test gives up on it.
/// </summary>
[TestClass]
public sealed class MLNetStopTests
{
    [TestMethod]
    public void ML_NET_can_be_stopped_midway() => Assert.IsTrue(MLContextStop.IsAvailable, "MLContext no longer has CancelExecution()");

    [TestMethod]
    public void A_stopped_fit_ends_with_OperationCanceledException()
    {
        var (train, _) = MLNetReference.Split("breast_cancer.csv", "diagnosis", missing: false);
        var fits = new (string, Action)[]
        {
            ("FastTree", () => new FastTreeClassifier { NumberOfTrees = 1_000_000 }.Fit(train)),
            ("FastForest", () => new FastForestClassifier { NumberOfTrees = 1_000_000 }.Fit(train)),
            ("LightGbm", () => new LightGbmClassifier { NumberOfIterations = 1_000_000, LearningRate = 1e-6 }.Fit(train)),
        };
        foreach (var (name, fit) in fits)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            var run = Task.Run(() =>
            {
                using (TrainingContext.Enter(stop.Token, maxThreads: 1)) fit();
            });
            // A fit that ignores the stop would run for hours: the test gives up on it (it stays behind in the test host).
            Assert.IsTrue(((IAsyncResult)run).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(60)), $"{name} ran on after its stop");
            Assert.IsInstanceOfType<OperationCanceledException>(run.Exception?.GetBaseException(), name);
        }
    }
}
