using Pipelines.Trainers.Neural;
using Pipelines.Trainers.Neural.Optim;

namespace Pipelines.Trainers.Tests.Neural;

[TestClass]
public sealed class OptimizerTests
{
    private static Tensor Parameter(params float[] values) => new(values, [values.Length], requiresGrad: true);

    [TestMethod]
    public void SgdWithMomentumFollowsTheRecurrence()
    {
        var p = Parameter(1f);
        var sgd = new SGD([p], learningRate: 0.1f, momentum: 0.9f);
        p.Grad = [2f];
        sgd.Step();                          // b = 2, p = 1 - 0.2
        Assert.AreEqual(0.8f, p.Data[0], 1e-6f);
        p.Grad = [2f];
        sgd.Step();                          // b = 0.9 * 2 + 2 = 3.8, p = 0.8 - 0.38
        Assert.AreEqual(0.42f, p.Data[0], 1e-6f);
    }

    [TestMethod]
    public void NesterovLooksAhead()
    {
        var p = Parameter(1f);
        var sgd = new SGD([p], 0.1f, momentum: 0.5f, nesterov: true);
        p.Grad = [1f];
        sgd.Step();                          // b = 1, d = 1 + 0.5 = 1.5
        Assert.AreEqual(0.85f, p.Data[0], 1e-6f);
    }

    [TestMethod]
    public void AdamFirstStepIsTheLearningRate()
    {
        var p = Parameter(1f, -1f);
        var adam = new Adam([p], learningRate: 0.01f);
        p.Grad = [5f, -0.001f];
        adam.Step();
        Assert.AreEqual(0.99f, p.Data[0], 1e-5f);
        Assert.AreEqual(-0.99f, p.Data[1], 1e-4f);
    }

    /// <summary>The update runs in vectors with a scalar tail; every value must be what the scalar formula gives.</summary>
    [TestMethod]
    public void AdamMatchesTheScalarRecurrenceOnLongVectors()
    {
        foreach (var decoupled in new[] { false, true })
        {
            const int count = 37;
            var start = Torch.Randn(new Generator(1), count).Data;
            var p = Parameter([.. start]);
            Optimizer adam = decoupled ? new AdamW([p], 0.01f, weightDecay: 0.1f) : new Adam([p], 0.01f, weightDecay: 0.1f);
            var expected = (float[])start.Clone();
            float[] m = new float[count], v = new float[count];
            for (var step = 1; step <= 3; step++)
            {
                var grad = Torch.Randn(new Generator(10 + step), count).Data;
                p.Grad = [.. grad];
                adam.Step();
                float c1 = 1 - MathF.Pow(0.9f, step), c2 = 1 - MathF.Pow(0.999f, step);
                for (var i = 0; i < count; i++)
                {
                    var g = grad[i] + (decoupled ? 0f : 0.1f) * expected[i];
                    m[i] = 0.9f * m[i] + (1 - 0.9f) * g;
                    v[i] = 0.999f * v[i] + (1 - 0.999f) * g * g;
                    var decay = decoupled ? 1 - 0.01f * 0.1f : 1f;
                    expected[i] = expected[i] * decay - 0.01f / c1 * m[i] / (MathF.Sqrt(v[i] / c2) + 1e-8f);
                }
                CollectionAssert.AreEqual(expected, p.Data, $"step {step}, decoupled {decoupled}");
            }
        }
    }

    [TestMethod]
    public void AdamWDecaysTheWeightsDirectly()
    {
        var p = Parameter(2f);
        var adamw = new AdamW([p], learningRate: 0.1f, weightDecay: 0.5f);
        p.Grad = [0f];
        adamw.Step();
        Assert.AreEqual(2f * (1 - 0.05f), p.Data[0], 1e-6f);
        var q = Parameter(2f);
        var adam = new Adam([q], learningRate: 0.1f, weightDecay: 0.5f);
        q.Grad = [0f];
        adam.Step();                         // the L2 gradient 1.0 goes through Adam's normalization: a step of lr
        Assert.AreEqual(1.9f, q.Data[0], 1e-5f);
    }

    [TestMethod]
    public void OptimizersMinimizeAQuadratic()
    {
        foreach (var make in new Func<Tensor, Optimizer>[]
        {
            p => new SGD([p], 0.1f, momentum: 0.9f),
            p => new Adam([p], 0.1f),
            p => new AdamW([p], 0.1f, weightDecay: 0f),
        })
        {
            var p = Parameter(3f, -2f);
            var optimizer = make(p);
            for (var i = 0; i < 300; i++)
            {
                optimizer.ZeroGrad();
                ((p - 1f).Square()).Sum().Backward();
                optimizer.Step();
            }
            Assert.AreEqual(1f, p.Data[0], 1e-2f, optimizer.GetType().Name);
            Assert.AreEqual(1f, p.Data[1], 1e-2f, optimizer.GetType().Name);
        }
    }

    [TestMethod]
    public void ConstructorsValidate()
    {
        var p = Parameter(1f);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new SGD([p], -1f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new SGD([p], 0.1f, momentum: 1f));
        Assert.ThrowsExactly<ArgumentException>(() => new SGD([p], 0.1f, nesterov: true));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Adam([p], 0.1f, beta1: 1f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Adam([p], 0.1f, eps: 0f));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new AdamW([p], 0.1f, weightDecay: -1f));
        Assert.ThrowsExactly<ArgumentException>(() => new Adam([], 0.1f));
    }

    [TestMethod]
    public void Schedules()
    {
        var optimizer = new SGD([Parameter(1f)], 1f);
        var step = new StepLR(optimizer, stepSize: 2, gamma: 0.5f);
        var seen = new List<float> { optimizer.LearningRate };
        for (var i = 0; i < 4; i++) { step.Step(); seen.Add(optimizer.LearningRate); }
        CollectionAssert.AreEqual(new[] { 1f, 1f, 0.5f, 0.5f, 0.25f }, seen);

        optimizer.LearningRate = 1f;
        var cosine = new CosineAnnealingLR(optimizer, tMax: 4, minLearningRate: 0.2f);
        for (var i = 0; i < 2; i++) cosine.Step();
        Assert.AreEqual(0.6f, optimizer.LearningRate, 1e-6f);
        for (var i = 0; i < 4; i++) cosine.Step();
        Assert.AreEqual(0.2f, optimizer.LearningRate, 1e-6f);

        optimizer.LearningRate = 1f;
        var warmup = new LinearWarmupLR(optimizer, warmupSteps: 4);
        Assert.AreEqual(0.25f, optimizer.LearningRate, 1e-6f);
        for (var i = 0; i < 5; i++) warmup.Step();
        Assert.AreEqual(1f, optimizer.LearningRate, 1e-6f);
    }

    [TestMethod]
    public void ClipByGlobalNorm()
    {
        var a = Parameter(0f, 0f);
        var b = Parameter(0f);
        a.Grad = [3f, 0f];
        b.Grad = [4f];
        var norm = GradClip.ClipGradNorm([a, b], maxNorm: 1f);
        Assert.AreEqual(5f, norm, 1e-6f);
        Assert.AreEqual(0.6f, a.Grad[0], 1e-5f);
        Assert.AreEqual(0.8f, b.Grad[0], 1e-5f);
        GradClip.ClipGradNorm([a, b], maxNorm: 10f);
        Assert.AreEqual(0.6f, a.Grad[0], 1e-5f, "below the limit nothing changes");
    }
}
