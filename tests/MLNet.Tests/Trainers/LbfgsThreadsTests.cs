using Pipelines.MLNet.Trainers;
using Pipelines.Transforms.Normalization;

namespace Pipelines.MLNet.Tests.Trainers;

/// <summary>ML.NET's L-BFGS streams large data on one thread instead of copying every row for its threads.</summary>
[TestClass]
public sealed class LbfgsThreadsTests
{
    [TestMethod]
    public void Above_the_streamed_cells_the_fit_runs_on_one_thread()
    {
        Assert.AreEqual(2, LbfgsClassifier.ThreadsFor(100_000, 60, 2));
        Assert.AreEqual(2, LbfgsClassifier.ThreadsFor(LbfgsClassifier.StreamedCells / 10, 10, 2), "exactly at the limit");
        Assert.AreEqual(1, LbfgsClassifier.ThreadsFor(2_000_000, 70, 2));
    }

    [TestMethod]
    public void One_streaming_thread_fits_the_model_of_two()
    {
        foreach (var (set, label) in new[] { ("wine.csv", "cultivar"), ("breast_cancer.csv", "diagnosis") })
        {
            // Scaled, as the learner asks: on raw features (wine's proline is in the thousands) the problem is so badly
            // conditioned that the tolerance stops either run far from the optimum.
            var (raw, rawTest) = MLNetReference.Split(set, label, missing: false);
            var scaling = new ZScoreNormalize().Fit(raw);
            var (train, test) = (scaling.Transform(raw), scaling.Transform(rawTest));
            var one = new LbfgsClassifier { Threads = 1, Seed = 3 }.Fit(train).Predict(test);
            var two = new LbfgsClassifier { Threads = 2, Seed = 3 }.Fit(train).Predict(test);
            // The same objective to the same tolerance; the sums run in another order, so the iterates differ a little.
            Assert.HasCount(two.Length, one);
            var meanDifference = one.Zip(two, (a, b) => Math.Abs(a - b)).Average();
            Assert.IsLessThan(0.01, meanDifference, $"{set}: mean |p1 - p2|");
        }
    }
}
