using Pipelines.Trainers.Neural;

namespace Pipelines.Trainers.Tests.Neural;

/// <summary>Operations that do in one node what a composition of others does: gradients, and agreement with the composition.</summary>
[TestClass]
public sealed class FusedOpTests
{
    private static Tensor R(int seed, params int[] shape) => GradCheck.Random(seed, shape);

    /// <summary>Shapes through the micro-kernel (n &gt; 4) and through the dot products of narrow products (n &lt;= 4).</summary>
    public static IEnumerable<object[]> LinearShapes() => [[5, 7, 9], [6, 3, 40], [1, 1, 1], [13, 2, 300]];

    [TestMethod]
    [DynamicData(nameof(LinearShapes))]
    public void LinearGradients(int m, int k, int n)
    {
        GradCheck.Check(x => x[0].Linear(x[1], x[2]), R(1, m, k), R(2, n, k), R(3, n));
        GradCheck.Check(x => x[0].Linear(x[1]), R(1, m, k), R(2, n, k));
    }

    [TestMethod]
    [DynamicData(nameof(LinearShapes))]
    public void LinearMatchesTheProductPlusBias(int m, int k, int n)
    {
        var (fused, fusedGrads) = Run(m, k, n, (x, w, b) => x.Linear(w, b));
        var (composed, composedGrads) = Run(m, k, n, (x, w, b) => x.MatMulTransposed(w) + b);
        // With k <= Sgemm.KC the bias is added after the whole sum in both, so every value is rounded alike.
        CollectionAssert.AreEqual(composed, fused);
        for (var i = 0; i < 3; i++) CollectionAssert.AreEqual(composedGrads[i], fusedGrads[i], $"gradient {i}");
    }

    [TestMethod]
    public void LinearOverSeveralDepthBlocksStaysClose()
    {
        var (fused, fusedGrads) = Run(9, 600, 20, (x, w, b) => x.Linear(w, b));
        var (composed, composedGrads) = Run(9, 600, 20, (x, w, b) => x.MatMulTransposed(w) + b);
        for (var i = 0; i < fused.Length; i++) Assert.AreEqual(composed[i], fused[i], 1e-4f, $"value {i}");
        for (var i = 0; i < 3; i++) CollectionAssert.AreEqual(composedGrads[i], fusedGrads[i], $"gradient {i}");
    }

    [TestMethod]
    public void LinearChecksShapes()
    {
        Assert.ThrowsExactly<ArgumentException>(() => R(1, 2, 3).Linear(R(2, 4, 2)));
        Assert.ThrowsExactly<ArgumentException>(() => R(1, 2, 3).Linear(R(2, 4, 3), R(3, 3)));
    }

    /// <summary>Gradients add up when an input feeds several linear or relu nodes (the first contribution is written, later ones added).</summary>
    [TestMethod]
    public void SharedInputsOfFusedOpsAccumulate()
    {
        GradCheck.Check(x => x[0].Linear(x[1], x[2]).Tanh() + x[0].Linear(x[1]) * 2f, R(4, 5, 6), R(5, 7, 6), R(6, 7));
        GradCheck.Check(x => x[0].Relu() * x[0].Relu() + x[0].Relu(), GradCheck.Random(7, [4, 37], margin: 0.05f));
    }

    [TestMethod]
    public void ReluBackwardPassesGradientsOnlyWherePositive()
    {
        var x = new Tensor([2f, -1f, 0f, 3f, -0.5f, 1f, -2f, 4f, 5f, -3f], [10], requiresGrad: true);
        var y = x.Relu();
        (y * new Tensor([1f, float.NaN, float.PositiveInfinity, 2f, 1f, 3f, 1f, 4f, 5f, 6f], [10])).Sum().Backward();
        CollectionAssert.AreEqual(new[] { 1f, 0f, 0f, 2f, 0f, 3f, 0f, 4f, 5f, 0f }, x.Grad);
    }

    private static (float[] Output, float[][] Grads) Run(int m, int k, int n, Func<Tensor, Tensor, Tensor, Tensor> f)
    {
        Tensor x = R(1, m, k), w = R(2, n, k), b = R(3, n);
        foreach (var t in new[] { x, w, b }) t.RequiresGrad = true;
        var y = f(x, w, b);
        (y * R(4, m, n)).Sum().Backward();
        return ([.. y.Data], [x.Grad!, w.Grad!, b.Grad!]);
    }
}
