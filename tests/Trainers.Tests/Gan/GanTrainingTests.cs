using Pipelines.Data;
using Pipelines.Trainers.Gan;
using Pipelines.Trainers.Gan.Quality;
using Pipelines.Trainers.Gan.Training;
using Pipelines.Trainers.Neural;

namespace Pipelines.Trainers.Tests.Gan;

[TestClass]
public sealed class GanTrainingTests
{
    internal static readonly GanOptions Small = new()
    {
        Epochs = 40, BatchSize = 100, NoiseDim = 16, GeneratorDims = [32, 32], CriticDims = [32, 32], GeneratorLearningRate = 1e-3f, CriticLearningRate = 1e-3f, Seed = 5,
    };

    /// <summary>'spend': 80% exact zeros, else lognormal; 'visits': whole numbers 0..3 with 70% ones; label 'y'.</summary>
    internal static DataFrame ZeroInflated(int rows, int seed)
    {
        var random = new Random(seed);
        var spend = new float[rows];
        var visits = new float[rows];
        var y = new string?[rows];
        for (var i = 0; i < rows; i++)
        {
            var buyer = random.NextDouble() < 0.2;
            spend[i] = buyer ? (float)Math.Exp(3 + 0.5 * TransformerTests.Normal(random)) : 0f;
            var u = random.NextDouble();
            visits[i] = u < 0.7 ? 1 : u < 0.8 ? 0 : u < 0.9 ? 2 : 3;
            y[i] = buyer ? "buyer" : "browser";
        }
        return new DataFrame([new NumericColumn("spend", spend), new NumericColumn("visits", visits), CategoricalColumn.FromValues("y", y)], label: "y");
    }

    [TestMethod]
    public void ShortTrainingLowersTheColumnKs()
    {
        // Untrained, the generator picks mixture modes about uniformly, far from the 80% mass at spend = 0.
        var frame = ZeroInflated(300, 11);
        var untrained = CtganTrainer.Fit(frame, Small, null, epochs: 0).Sample(300, new Generator(1));
        var reports = new List<GanProgress>();
        var trained = CtganTrainer.Fit(frame, Small, new SyncProgress(reports.Add)).Sample(300, new Generator(1));
        double MeanKs(DataFrame synthetic) => new[] { "spend", "visits" }.Average(c => KolmogorovSmirnov.Statistic(frame.Numeric(c).Values, synthetic.Numeric(c).Values));
        var before = MeanKs(untrained);
        var after = MeanKs(trained);
        Assert.IsTrue(after < before - 0.2, $"mean KS {before:F3} untrained, {after:F3} after training");
        Assert.AreEqual(Small.Epochs, reports.Count);
        Assert.AreEqual(Small.Epochs, reports[^1].Epoch);
        Assert.IsTrue(reports.All(r => double.IsFinite(r.GeneratorLoss) && double.IsFinite(r.CriticLoss)));
    }

    [TestMethod]
    public void GeneratedValuesStayInTheObservedRangeAndSchema()
    {
        var frame = TransformerTests.Bimodal(120, 12, missing: true);
        var model = new TabularSynthesizer { Gan = Small with { Epochs = 3 } }.Fit(frame);
        var synthetic = model.Sample(500, seed: 2);
        Assert.AreEqual(frame.Schema, synthetic.Schema);
        Assert.AreEqual(500, synthetic.RowCount);
        foreach (var name in new[] { "x", "count" })
        {
            var real = frame.Numeric(name).Values.ToArray().Where(float.IsFinite).ToArray();
            foreach (var v in synthetic.Numeric(name).Values)
            {
                if (float.IsNaN(v)) continue;
                Assert.IsTrue(v >= real.Min() && v <= real.Max(), $"{name} = {v} outside [{real.Min()}, {real.Max()}]");
            }
        }
        Assert.IsTrue(synthetic.Numeric("count").Values.ToArray().All(v => v == MathF.Round(v)));
    }

    [TestMethod]
    public void SameSeedSameRows()
    {
        var frame = TransformerTests.Bimodal(80, 13);
        var options = Small with { Epochs = 2 };
        var a = new TabularSynthesizer { Gan = options }.Fit(frame).Sample(50, seed: 4);
        var b = new TabularSynthesizer { Gan = options }.Fit(frame).Sample(50, seed: 4);
        var c = new TabularSynthesizer { Gan = options with { Seed = 6 } }.Fit(frame).Sample(50, seed: 4);
        Assert.IsTrue(a.ContentEquals(b));
        Assert.IsFalse(a.ContentEquals(c));
    }

    [TestMethod]
    public void StepClockChargesEveryPhaseAndChangesNothing()
    {
        var frame = TransformerTests.Bimodal(80, 13);
        var options = Small with { Epochs = 2 };
        var clock = new StepClock();
        var timed = CtganTrainer.Fit(frame, options, null, options.Epochs, clock).Sample(50, new Generator(4));
        var plain = CtganTrainer.Fit(frame, options).Sample(50, new Generator(4));
        Assert.IsTrue(timed.ContentEquals(plain));
        foreach (var phase in Enum.GetValues<StepPhase>()) Assert.IsTrue(clock.Seconds(phase) > 0, $"{phase} was not charged");
    }

    [TestMethod]
    public void SynthesizerWritesACsvCopy()
    {
        var frame = TransformerTests.Bimodal(60, 14);
        var path = Path.Combine(Path.GetTempPath(), $"gan-{Guid.NewGuid():N}.csv");
        try
        {
            new TabularSynthesizer { Gan = Small with { Epochs = 1 } }.Fit(frame).SampleToCsv(path, 25, seed: 1);
            var back = Pipelines.IO.CsvReader.Read(path);
            Assert.AreEqual(25, back.RowCount);
            CollectionAssert.AreEqual(frame.Names.ToArray(), back.Names.ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Calls back on the reporting thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SyncProgress(Action<GanProgress> report) : IProgress<GanProgress>
    {
        public void Report(GanProgress value) => report(value);
    }
}
