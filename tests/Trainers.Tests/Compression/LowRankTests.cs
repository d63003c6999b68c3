using Pipelines.Trainers.Compression;
using Pipelines.Trainers.Mlp;
using Pipelines.Trainers.Neural;

namespace Pipelines.Trainers.Tests.Compression;

[TestClass]
public sealed class LowRankTests
{
    private static MlpLayer RandomLayer(int inputs, int outputs, int seed) =>
        new(inputs, outputs, Torch.Randn(new Generator(seed), outputs, inputs).Data, new float[outputs], MlpActivation.Relu);

    // ||W - B A||_F of the two factor layers.
    private static double Error(MlpLayer layer, MlpLayer first, MlpLayer second)
    {
        double sum = 0;
        for (var o = 0; o < layer.Outputs; o++)
        {
            for (var i = 0; i < layer.Inputs; i++)
            {
                double v = 0;
                for (var r = 0; r < first.Outputs; r++) v += (double)second.Weight[o * first.Outputs + r] * first.Weight[r * layer.Inputs + i];
                sum += Math.Pow(layer.Weight[o * layer.Inputs + i] - v, 2);
            }
        }
        return Math.Sqrt(sum);
    }

    [TestMethod]
    [DataRow(12, 7)]
    [DataRow(5, 9)]
    public void ReconstructionErrorFallsWithRankToTheEckartYoungBound(int outputs, int inputs)
    {
        var layer = RandomLayer(inputs, outputs, outputs * 31 + inputs);
        var (_, s, _) = TruncatedSvd.Decompose(layer.Weight, outputs, inputs);
        var full = Math.Min(outputs, inputs);
        var previous = double.PositiveInfinity;
        for (var rank = 1; rank <= full; rank++)
        {
            var (first, second) = LowRankFactorization.Factor(layer, rank);
            Assert.AreEqual(MlpActivation.Identity, first.Activation);
            Assert.AreEqual(layer.Activation, second.Activation);
            var error = Error(layer, first, second);
            var bound = Math.Sqrt(s.Skip(rank).Sum(v => v * v));
            Assert.AreEqual(bound, error, 1e-4 * (1 + bound), $"rank {rank}");
            Assert.IsTrue(error < previous, $"rank {rank}: {error} after {previous}");
            previous = error;
        }
        Assert.IsTrue(previous < 1e-4, $"full rank error {previous}");
        for (var i = 1; i < s.Length; i++) Assert.IsTrue(s[i] <= s[i - 1]);
    }

    [TestMethod]
    public void EnergyRankKeepsTheRequestedShare()
    {
        double[] s = [3, 2, 1, 0.5];
        Assert.AreEqual(1, LowRankFactorization.EnergyRank(s, 0.6));
        Assert.AreEqual(2, LowRankFactorization.EnergyRank(s, 0.9));
        Assert.AreEqual(4, LowRankFactorization.EnergyRank(s, 1.0));
    }

    [TestMethod]
    public void FactoredModelIsAnMlpModelWithIdentityBottlenecks()
    {
        var model = IrisFixture.Model;
        var result = new LowRankFactorization { Rank = 2, FineTuneEpochs = 5, LearningRate = 0.01f, Seed = 1 }.Compress(model, IrisFixture.Train, IrisFixture.Test);
        var layers = result.Model.Layers;
        Assert.IsTrue(layers.Count > model.Layers.Count);
        Assert.IsTrue(layers.Any(l => l.Activation == MlpActivation.Identity && l.Outputs == 2));
        Assert.IsTrue(result.Report.ParametersAfter < result.Report.ParametersBefore, result.Report.ToString());
        Assert.IsTrue(result.Report.AccuracyAfter >= 0.8, result.Report.ToString());
        // It rebuilds as a module and predicts the same.
        var network = result.Model.ToModule();
        Assert.AreEqual(layers.Count, network.Layers.OfType<Pipelines.Trainers.Neural.Modules.Linear>().Count());
    }
}
