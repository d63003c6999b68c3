using System.Text.Json;
using Pipelines.Trainers.Neural;
using Pipelines.Trainers.Neural.Modules;

namespace Pipelines.Trainers.Tests.Neural;

[TestClass]
public sealed class ModuleTests
{
    [TestMethod]
    public void LinearGradients()
    {
        var layer = new Linear(5, 3, new Generator(1));
        GradCheck.Check(x => x[0].MatMulTransposed(x[1]) + x[2], GradCheck.Random(2, [4, 5]), layer.Weight, layer.Bias!);
        GradCheck.Check(x => layer.Forward(x[0]), GradCheck.Random(3, [4, 5]));
    }

    [TestMethod]
    public void LinearInitializesAsPyTorch()
    {
        var layer = new Linear(16, 200, new Generator(7));
        var bound = 1f / 4f;
        Assert.IsTrue(layer.Weight.Data.All(w => w >= -bound && w < bound));
        Assert.IsTrue(layer.Weight.Data.Max() > 0.9f * bound && layer.Weight.Data.Min() < -0.9f * bound);
        CollectionAssert.AreEqual(layer.Weight.Data, new Linear(16, 200, new Generator(7)).Weight.Data, "same seed, same weights");
    }

    [TestMethod]
    public void BatchNormGradientsInTraining()
    {
        var bn = new BatchNorm1d(3);
        GradCheck.Random(4, [3]).Data.CopyTo(bn.Gamma.Data, 0);
        GradCheck.Check(x => bn.Forward(x[0]), GradCheck.Random(5, [6, 3]));
        GradCheck.Check(x => bn.Forward(GradCheck.Random(5, [6, 3])), bn.Gamma, bn.Beta);
    }

    [TestMethod]
    public void BatchNormTracksRunningStatisticsAndUsesThemInEval()
    {
        var bn = new BatchNorm1d(1, momentum: 0.5f);
        bn.Forward(new Tensor([1f, 3f], [2, 1]));
        Assert.AreEqual(1f, bn.RunningMean.Data[0], 1e-6f);      // 0.5 * 0 + 0.5 * 2
        Assert.AreEqual(1.5f, bn.RunningVar.Data[0], 1e-6f);     // 0.5 * 1 + 0.5 * (1 * 2 / 1)
        bn.Eval();
        var y = bn.Forward(new Tensor([1f], [1, 1]));
        Assert.AreEqual(0f, y.Data[0], 1e-6f);
        var z = bn.Forward(new Tensor([2.5f], [1, 1]));
        Assert.AreEqual(1.5f / MathF.Sqrt(1.5f + 1e-5f), z.Data[0], 1e-5f);
    }

    [TestMethod]
    public void LayerNormGradients()
    {
        var ln = new LayerNorm(4);
        GradCheck.Random(6, [4]).Data.CopyTo(ln.Gamma.Data, 0);
        GradCheck.Check(x => ln.Forward(x[0]), GradCheck.Random(7, [3, 4]));
        GradCheck.Check(x => ln.Forward(GradCheck.Random(7, [3, 4])), ln.Gamma, ln.Beta);
    }

    [TestMethod]
    public void EmbeddingGradientAddsIntoLookedUpRows()
    {
        var embedding = new Embedding(5, 3, new Generator(8));
        GradCheck.Check(_ => embedding.Forward([4, 1, 4]), embedding.Weight);
        var g = embedding.Weight.Grad!;
        Assert.IsTrue(g[0] == 0 && g[6] == 0, "rows never looked up get no gradient");
    }

    [TestMethod]
    public void SequentialOfEveryActivation()
    {
        var g = new Generator(9);
        var net = new Sequential(new Linear(4, 6, g), new GELU(), new Linear(6, 6, g), new Tanh(), new Linear(6, 5, g),
            new Sigmoid(), new Linear(5, 5, g), new LeakyReLU(0.1f), new Dropout(0.2f, new Generator(3)), new Linear(5, 2, g));
        net.Eval();
        GradCheck.Check(x => net.Forward(x[0]), GradCheck.Random(10, [3, 4]));
        var names = net.NamedParameters().Select(p => p.Name).ToList();
        CollectionAssert.AreEqual(new[] { "0.weight", "0.bias", "2.weight", "2.bias" }, names.Take(4).ToArray());
        Assert.AreEqual(10, net.Parameters().Count());
    }

    [TestMethod]
    public void ReluModuleGradient()
    {
        var net = new Sequential(new ReLU());
        GradCheck.Check(x => net.Forward(x[0]), GradCheck.Random(11, [3, 4], margin: 0.05f));
    }

    [TestMethod]
    public void TrainAndEvalReachChildren()
    {
        var dropout = new Dropout(0.5f, new Generator(1));
        var net = new Sequential(new Sequential(dropout));
        net.Eval();
        Assert.IsFalse(dropout.Training);
        net.Train();
        Assert.IsTrue(dropout.Training);
    }

    [TestMethod]
    public void StateDictRoundTripsThroughJson()
    {
        var g = new Generator(12);
        var net = new Sequential(new Linear(3, 4, g), new BatchNorm1d(4), new ReLU(), new Linear(4, 2, g));
        net.Forward(GradCheck.Random(13, [5, 3]));
        var json = JsonSerializer.Serialize(net.StateDict());
        var state = JsonSerializer.Deserialize<StateDict>(json)!;
        var other = new Sequential(new Linear(3, 4, new Generator(99)), new BatchNorm1d(4), new ReLU(), new Linear(4, 2, new Generator(98)));
        other.LoadStateDict(state);
        net.Eval();
        other.Eval();
        var x = GradCheck.Random(14, [2, 3]);
        CollectionAssert.AreEqual(net.Forward(x).Data, other.Forward(x).Data);
        CollectionAssert.AreEqual(net.StateDict()["1.running_var"].Values, state["1.running_var"].Values);
        Assert.ThrowsExactly<ArgumentException>(() => new Sequential(new Linear(3, 5, g)).LoadStateDict(state));
    }

    [TestMethod]
    public void ZeroGradClearsEveryParameter()
    {
        var net = new Sequential(new Linear(2, 2, new Generator(1)));
        net.Forward(Torch.Ones(1, 2)).Sum().Backward();
        Assert.IsTrue(net.Parameters().All(p => p.Grad is not null));
        net.ZeroGrad();
        Assert.IsTrue(net.Parameters().All(p => p.Grad is null));
    }
}
