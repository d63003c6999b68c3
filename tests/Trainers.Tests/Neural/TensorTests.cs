using Pipelines.Trainers.Neural;

namespace Pipelines.Trainers.Tests.Neural;

[TestClass]
public sealed class TensorTests
{
    [TestMethod]
    public void BackwardAccumulatesUntilCleared()
    {
        var x = new Tensor([1f, 2f, 3f], [3], requiresGrad: true);
        (x * x).Sum().Backward();
        (x * x).Sum().Backward();
        CollectionAssert.AreEqual(new[] { 4f, 8f, 12f }, x.Grad);
    }

    [TestMethod]
    public void NoGradRecordsNothing()
    {
        var x = new Tensor([1f, 2f], [2], requiresGrad: true);
        Tensor y;
        using (Torch.NoGrad()) y = (x * 3f).Sum();
        Assert.IsFalse(y.RequiresGrad);
        Assert.IsTrue(GradMode.IsEnabled);
        Assert.ThrowsExactly<InvalidOperationException>(y.Backward);
    }

    [TestMethod]
    public void DetachStopsGradient()
    {
        var x = new Tensor([2f], [], requiresGrad: true);
        (x * x.Detach()).Backward();
        Assert.AreEqual(2f, x.Grad![0]);
    }

    [TestMethod]
    public void SoftmaxIsStableForLargeLogits()
    {
        var x = new Tensor([1000f, 1001f, 999f, -1000f, 0f, 1000f], [2, 3]);
        var p = x.Softmax();
        var lp = x.LogSoftmax();
        Assert.IsTrue(p.Data.All(float.IsFinite) && lp.Data.All(float.IsFinite));
        Assert.AreEqual(1.0, p.Data.Take(3).Sum(), 1e-6);
        var naive = 1001 - Math.Log(Math.Exp(-1) + 1 + Math.Exp(-2)) - 1001;
        Assert.AreEqual(naive, lp.Data[1], 1e-5);
    }

    [TestMethod]
    public void GeluUsesTheTanhApproximation()
    {
        var y = new Tensor([1f, -1f, 0f], [3]).Gelu();
        Assert.AreEqual(0.8411920f, y.Data[0], 1e-6f);
        Assert.AreEqual(-0.1588080f, y.Data[1], 1e-6f);
        Assert.AreEqual(0f, y.Data[2]);
    }

    [TestMethod]
    public void BadShapesAreRefused()
    {
        Assert.ThrowsExactly<ArgumentException>(() => Torch.Zeros(3, 4).MatMul(Torch.Zeros(3, 4)));
        Assert.ThrowsExactly<ArgumentException>(() => Torch.Zeros(3, 4) + Torch.Zeros(2, 4));
        Assert.ThrowsExactly<ArgumentException>(() => new Tensor(new float[5], [2, 3]));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Torch.Zeros(3, 4).Dropout(1f, true, new Generator(1)));
    }

    [TestMethod]
    public void DropoutKeepsTheExpectation()
    {
        var y = Torch.Ones(200, 50).Dropout(0.25f, training: true, new Generator(3));
        var zeros = y.Data.Count(v => v == 0) / (double)y.Count;
        Assert.AreEqual(0.25, zeros, 0.02);
        Assert.AreEqual(1.0, y.Data.Average(), 0.03);
        Assert.AreSame(y, y.Dropout(0.25f, training: false, new Generator(3)));
    }
}
