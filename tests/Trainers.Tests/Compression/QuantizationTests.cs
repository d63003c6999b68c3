using Pipelines.Trainers.Compression;
using Pipelines.Trainers.Neural;
using Pipelines.Trainers.Tests.Neural;

namespace Pipelines.Trainers.Tests.Compression;

[TestClass]
public sealed class QuantizationTests
{
    [TestMethod]
    public void FakeQuantizedWeightsEqualQuantizeThenDequantize()
    {
        var w = GradCheck.Random(5, [4, 6]);
        var forward = FakeQuantize.Weights(w);
        for (var o = 0; o < 4; o++)
        {
            var row = w.Data.AsSpan(o * 6, 6);
            var max = 0f;
            foreach (var v in row) max = MathF.Max(max, MathF.Abs(v));
            var scale = max / 127f;
            for (var i = 0; i < 6; i++)
            {
                var q = Math.Clamp(MathF.Round(row[i] / scale), -127, 127);
                Assert.AreEqual(q * scale, forward.Data[o * 6 + i], 1e-6f, $"row {o} col {i}: w {row[i]} scale {scale} q {q} got {forward.Data[o * 6 + i]}");
            }
        }
        var scales = FakeQuantize.WeightScales(w.Data, 4, 6);
        var codes = FakeQuantize.QuantizeWeights(w.Data, 4, 6, scales);
        for (var j = 0; j < codes.Length; j++) Assert.AreEqual(codes[j] * scales[j / 6], forward.Data[j]);
        Assert.IsTrue(codes.Any(c => c == 127 || c == -127), "the largest magnitude of a row maps to +-127");
    }

    [TestMethod]
    public void FakeQuantizedActivationsEqualQuantizeThenDequantizeAndClipTheGradient()
    {
        var x = new Tensor([-2f, -0.5f, 0f, 0.3f, 1.7f, 4f], [1, 6], requiresGrad: true);
        var (scale, zero) = FakeQuantize.ActivationParameters(-1f, 2f);
        Assert.AreEqual(3f / 255f, scale, 1e-9f);
        Assert.AreEqual(85, zero);
        var y = FakeQuantize.Activations(x, scale, zero);
        for (var i = 0; i < 6; i++) Assert.AreEqual((FakeQuantize.QuantizeActivation(x.Data[i], scale, zero) - zero) * scale, y.Data[i], 1e-7f);
        y.Sum().Backward();
        CollectionAssert.AreEqual(new[] { 0f, 1, 1, 1, 1, 0 }, x.Grad);
    }

    [TestMethod]
    public void WeightGradientPassesStraightThrough()
    {
        var w = GradCheck.Random(6, [3, 2]);
        w.RequiresGrad = true;
        var upstream = GradCheck.Random(7, [3, 2]);
        (FakeQuantize.Weights(w) * upstream).Sum().Backward();
        CollectionAssert.AreEqual(upstream.Data, w.Grad);
    }

    [TestMethod]
    public void QatKeepsWeightsOnTheInt8GridAndRecordsActivationRanges()
    {
        var model = IrisFixture.Model;
        var result = new QuantizationAwareTraining { FineTuneEpochs = 5, LearningRate = 0.005f, Seed = 1 }.Compress(model, IrisFixture.Train, IrisFixture.Test);
        foreach (var layer in result.Model.Layers)
        {
            var scales = FakeQuantize.WeightScales(layer.Weight, layer.Outputs, layer.Inputs);
            for (var j = 0; j < layer.Weight.Length; j++)
            {
                var level = layer.Weight[j] / scales[j / layer.Inputs];
                Assert.AreEqual(MathF.Round(level), level, 1e-3f, "weights are multiples of their channel scale");
            }
        }
        Assert.AreEqual(model.Layers.Count, result.ActivationRanges!.Count, "the input and each hidden layer's output");
        Assert.IsTrue(result.ActivationRanges.All(r => r.Max > r.Min && r.Scale > 0));
        Assert.IsTrue(result.Report.SimulatedInt8Accuracy >= 0.8, result.Report.ToString());
        Assert.IsTrue(result.Report.AccuracyAfter >= 0.8, result.Report.ToString());
    }
}
