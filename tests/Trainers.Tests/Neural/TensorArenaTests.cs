using Pipelines.Trainers.Neural;
using Pipelines.Trainers.Neural.Modules;
using Pipelines.Trainers.Neural.Optim;

namespace Pipelines.Trainers.Tests.Neural;

[TestClass]
public sealed class TensorArenaTests
{
    /// <summary>A two-layer network and Adam, trained <paramref name="steps"/> steps on fixed rows; returns its first weight after.</summary>
    private static float[] Train(int steps, TensorArena? arena)
    {
        var generator = new Generator(3);
        var first = new Linear(5, 16, generator);
        var second = new Linear(16, 2, generator);
        var parameters = first.Parameters().Concat(second.Parameters()).ToArray();
        var optimizer = new Adam(parameters, 0.01f);
        var x = Torch.Randn(new Generator(4), 32, 5);
        var target = Torch.Randn(new Generator(5), 32, 2);
        for (var i = 0; i < steps; i++)
        {
            using var step = arena?.Step();
            optimizer.ZeroGrad();
            var error = second.Forward(first.Forward(x).Relu()) - target;
            error.Square().Mean().Backward();
            optimizer.Step();
        }
        return [.. first.Weight.Data];
    }

    [TestMethod]
    public void TrainingInStepsGivesTheSameWeights()
    {
        using var arena = new TensorArena();
        CollectionAssert.AreEqual(Train(20, null), Train(20, arena));
    }

    [TestMethod]
    public void AStepReusesThePreviousStepsArraysZeroed()
    {
        using var arena = new TensorArena();
        var x = Torch.Tensor([1f, -2f, 3f, -4f], [2, 2]);
        float[] first;
        using (arena.Step()) first = x.Relu().Data;
        first[1] = 7f; // what a step left in an array must not reach the next step
        using (arena.Step())
        {
            var y = x.Relu();
            Assert.AreSame(first, y.Data, "the same array, taken again");
            CollectionAssert.AreEqual(new[] { 1f, 0f, 3f, 0f }, y.Data);
        }
        Assert.AreNotSame(first, x.Relu().Data, "outside a step an operation allocates");
    }

    [TestMethod]
    public void ParametersAndTheirGradientsNeverComeFromTheArena()
    {
        using var arena = new TensorArena();
        var w = Torch.Tensor([1f, 2f], [2], requiresGrad: true);
        using (arena.Step()) (w * w).Sum().Backward();
        var grad = w.Grad!;
        using (arena.Step())
        {
            var taken = (w + 1f).Data;
            Assert.AreNotSame(grad, taken);
        }
        CollectionAssert.AreEqual(new[] { 2f, 4f }, w.Grad);
        w.ReleaseGrad();
        Assert.IsNull(w.Grad);
        (w * 3f).Sum().Backward();
        Assert.AreSame(grad, w.Grad, "the released array is reused");
        CollectionAssert.AreEqual(new[] { 3f, 3f }, w.Grad, "zeroed before the new gradient");
    }

    [TestMethod]
    public void StepsOfOneArenaDoNotNest()
    {
        using var arena = new TensorArena();
        using var step = arena.Step();
        Assert.ThrowsExactly<InvalidOperationException>(() => arena.Step());
    }
}
