using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Sampling;
using Pipelines.Statistics;
using Pipelines.Tests.Sampling;

namespace Pipelines.Tests.Core;

/// <summary>The steps of src/Pipelines that can take long stop with <see cref="OperationCanceledException"/> once the ambient token is cancelled.</summary>
[TestClass]
public sealed class TrainingContextCheckpointTests
{
    /// <summary>An estimator that counts its fits and may cancel a token while fitting.</summary>
    private sealed class Probe(CancellationTokenSource? cancel = null) : IEstimator<PassThrough>
    {
        public int Fits { get; private set; }

        public DataSchema GetOutputSchema(DataSchema input) => input;

        public PassThrough Fit(DataFrame input)
        {
            Fits++;
            cancel?.Cancel();
            return PassThrough.Instance;
        }
    }

    [TestMethod]
    public void A_chain_stops_between_steps_once_cancelled()
    {
        using var source = new CancellationTokenSource();
        var first = new Probe(source);
        var second = new Probe();
        var chain = new EstimatorChain([first, second]);
        using (TrainingContext.Enter(source.Token))
        {
            Assert.Throws<OperationCanceledException>(() => chain.Fit(SamplingTestData.ThreeClasses(5, 5, 5)));
        }
        Assert.AreEqual(1, first.Fits);
        Assert.AreEqual(0, second.Fits, "the step after the cancellation never fits");
        Assert.HasCount(2, chain.Fit(SamplingTestData.ThreeClasses(5, 5, 5)).Steps, "outside the context the chain fits");
    }

    [TestMethod]
    public void Over_samplers_stop_when_cancelled()
    {
        var data = SamplingTestData.ThreeClasses(40, 10, 6);
        var withCategory = data.With(CategoricalColumn.FromValues("shade", [.. Enumerable.Range(0, data.RowCount).Select(i => i % 3 == 0 ? "dark" : "light")]));
        Resampler[] samplers = [new Smote(), new KernelDensitySample(), new RandomOverSample()];
        foreach (var sampler in samplers)
        {
            Assert.AreEqual(120, sampler.FitTransform(data).Output.RowCount, sampler.GetType().Name);
            ThrowsWhenCancelled(() => sampler.FitTransform(data));
        }
        Assert.AreEqual(120, new SmoteNc().FitTransform(withCategory).Output.RowCount);
        ThrowsWhenCancelled(() => new SmoteNc().FitTransform(withCategory));
    }

    [TestMethod]
    public void Neighbour_search_checks_the_token_every_chunk_of_rows()
    {
        const int count = 300;
        using var source = new CancellationTokenSource();
        var calls = 0;
        float Distance(int a, int b)
        {
            if (++calls == 1) source.Cancel();
            return Math.Abs(a - b);
        }
        using (TrainingContext.Enter(source.Token))
        {
            Assert.Throws<OperationCanceledException>(() => NearestNeighbors.Search(count, 5, Distance));
        }
        Assert.IsLessThan(count * (count - 1) / 2, calls, "the search stopped well before comparing every pair");
        ThrowsWhenCancelled(() => NearestNeighbors.Search(new float[count * 2], 2, 5));
    }

    private static void ThrowsWhenCancelled(Action work)
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        using (TrainingContext.Enter(source.Token)) Assert.Throws<OperationCanceledException>(work);
    }
}
