using Pipelines.Trainers.Neural;
using Pipelines.Trainers.Neural.Losses;

namespace Pipelines.Trainers.Tests.Neural;

[TestClass]
public sealed class LossTests
{
    [TestMethod]
    public void BceWithLogitsMatchesTheDefinitionAndItsGradient()
    {
        var loss = new BCEWithLogitsLoss(posWeight: 2f);
        float[] targets = [1, 0, 1, 0.3f];
        float[] weights = [1, 2, 0.5f, 1];
        var x = new Tensor([0.5f, -1f, 30f, 2f], [4]);
        double expected = 0;
        for (var i = 0; i < 4; i++)
        {
            var s = 1 / (1 + Math.Exp(-x.Data[i]));
            expected += weights[i] * -(2 * targets[i] * Math.Log(s) + (1 - targets[i]) * Math.Log(1 - s));
        }
        Assert.AreEqual(expected / weights.Sum(), loss.Forward(x, targets, weights).Item(), 1e-5);
        GradCheck.Check(t => loss.Forward(t[0], targets, weights), GradCheck.Random(1, [4]));
        Assert.IsTrue(float.IsFinite(loss.Forward(new Tensor([-200f, 200f], [2]), [1f, 0f]).Item()));
    }

    [TestMethod]
    public void CrossEntropyHardTargetsWithSmoothingAndWeights()
    {
        var loss = new CrossEntropyLoss([1f, 2f, 0.5f], labelSmoothing: 0.1f);
        int[] targets = [0, 2, 1, 1];
        GradCheck.Check(t => loss.Forward(t[0], targets), GradCheck.Random(2, [4, 3]));
        GradCheck.Check(t => loss.Forward(t[0], targets, [1f, 0.5f, 2f, 1f]), GradCheck.Random(2, [4, 3]));
    }

    [TestMethod]
    public void CrossEntropyPlainEqualsNegativeLogLikelihood()
    {
        var x = new Tensor([2f, 0f, -1f, 0.5f, 0.5f, 3f], [2, 3]);
        var value = new CrossEntropyLoss().Forward(x, [0, 2]).Item();
        var lp = x.LogSoftmax().Data;
        Assert.AreEqual(-(lp[0] + lp[5]) / 2, value, 1e-6f);
        var soft = new CrossEntropyLoss().Forward(x, new Tensor([1f, 0, 0, 0, 0, 1f], [2, 3])).Item();
        Assert.AreEqual(value, soft, 1e-6f);
    }

    [TestMethod]
    public void CrossEntropySoftTargets()
    {
        var p = new Tensor([0.2f, 0.3f, 0.5f, 1f, 0f, 0f], [2, 3]);
        GradCheck.Check(t => new CrossEntropyLoss(labelSmoothing: 0.05f).Forward(t[0], p), GradCheck.Random(3, [2, 3]));
    }

    [TestMethod]
    public void MeanSquaredError()
    {
        float[] y = [1, 2, 3];
        Assert.AreEqual((1 + 0 + 4) / 3f, new MSELoss().Forward(new Tensor([0f, 2f, 5f], [3]), y).Item(), 1e-6f);
        GradCheck.Check(t => new MSELoss().Forward(t[0], y, [1f, 2f, 3f]), GradCheck.Random(4, [3]));
    }

    [TestMethod]
    public void DistillationIsKlTimesTSquared()
    {
        var loss = new KLDivLoss(temperature: 2f);
        var teacher = new Tensor([1f, 2f, 0f, -1f, 0f, 3f], [2, 3]);
        Assert.AreEqual(0f, loss.Forward(teacher.Clone(), teacher).Item(), 1e-5f, "KL of a distribution with itself is 0");
        var student = new Tensor([0f, 0f, 0f, 1f, 1f, 1f], [2, 3]);
        var p = (teacher / 2f).Softmax().Data;
        var q = (student / 2f).Softmax().Data;
        double kl = 0;
        for (var i = 0; i < 6; i++) kl += p[i] * Math.Log(p[i] / q[i]);
        Assert.AreEqual(kl * 4 / 2, loss.Forward(student, teacher).Item(), 1e-5);
        GradCheck.Check(t => loss.Forward(t[0], teacher), GradCheck.Random(5, [2, 3]));
    }

    [TestMethod]
    public void BadOptionsAreRefused()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new BCEWithLogitsLoss(0f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new CrossEntropyLoss(labelSmoothing: 1.5f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new KLDivLoss(0f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new CrossEntropyLoss().Forward(Torch.Zeros(1, 2), [2]));
    }
}
