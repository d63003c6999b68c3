using Pipelines.Trainers.Gan.Networks;
using Pipelines.Trainers.Neural;
using Pipelines.Trainers.Tests.Neural;

namespace Pipelines.Trainers.Tests.Gan;

[TestClass]
public sealed class GanOpsTests
{
    [TestMethod]
    public void ColumnsSliceHasTheRightValuesAndGradient()
    {
        var x = GradCheck.Random(1, [3, 5]);
        var slice = x.Columns(1, 3);
        CollectionAssert.AreEqual(new[] { 3, 3 }, slice.Shape);
        Assert.AreEqual(x.Data[2 * 5 + 3], slice.Data[2 * 3 + 2]);
        GradCheck.Check(t => t[0].Columns(1, 3).Square(), x);
        GradCheck.Check(t => Tensor.Concat([t[0].Columns(0, 2).Tanh(), t[0].Columns(2, 3).Softmax()]), GradCheck.Random(2, [4, 5]));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => x.Columns(3, 3));
    }

    [TestMethod]
    public void PenaltyEqualsTheNormOfAutogradsInputGradient()
    {
        var critic = new PacCritic(inputDim: 3, hiddenDims: [6, 5], pac: 2, dropout: 0f, new Generator(4));
        var points = GradCheck.Random(5, [8, 3]);
        var penalty = critic.GradientPenalty(points, lambda: 1f).Item();

        var x = points.Clone();
        x.RequiresGrad = true;
        critic.Forward(x).Sum().Backward();
        double expected = 0;
        for (var pack = 0; pack < 4; pack++)
        {
            double sq = 0;
            for (var i = pack * 6; i < (pack + 1) * 6; i++) sq += x.Grad![i] * x.Grad[i];
            expected += Math.Pow(Math.Sqrt(sq) - 1, 2) / 4;
        }
        Assert.AreEqual(expected, penalty, 1e-4 * Math.Max(1, expected));
    }

    [TestMethod]
    public void PenaltyGradientMatchesFiniteDifferences()
    {
        var critic = new PacCritic(inputDim: 3, hiddenDims: [5, 4], pac: 2, dropout: 0f, new Generator(7));
        var points = GradCheck.Random(8, [6, 3]);
        // Biases enter d(score)/dx only through the piecewise-constant slopes, so the penalty has no gradient in them.
        var parameters = critic.NamedParameters().Where(p => p.Name.EndsWith("weight", StringComparison.Ordinal)).Select(p => p.Tensor).ToArray();
        GradCheck.Check(_ => critic.GradientPenalty(points, lambda: 1f), 1e-3f, parameters);
    }

    [TestMethod]
    public void GumbelSoftmaxRowsSumToOne()
    {
        var logits = GradCheck.Random(3, [50, 4]);
        var y = GumbelSoftmax.Sample(logits, 0.2f, new Generator(1));
        for (var i = 0; i < 50; i++)
        {
            double sum = 0;
            for (var k = 0; k < 4; k++)
            {
                Assert.IsTrue(y.Data[i * 4 + k] >= 0);
                sum += y.Data[i * 4 + k];
            }
            Assert.AreEqual(1, sum, 1e-5);
        }
    }

    [TestMethod]
    public void GumbelSoftmaxArgmaxSamplesTheSoftmax()
    {
        // logits ln(0.7), ln(0.2), ln(0.1): the argmax of the relaxed sample is a draw from softmax(logits).
        var n = 4000;
        var logits = new float[n * 3];
        for (var i = 0; i < n; i++)
        {
            logits[i * 3] = MathF.Log(0.7f);
            logits[i * 3 + 1] = MathF.Log(0.2f);
            logits[i * 3 + 2] = MathF.Log(0.1f);
        }
        var y = GumbelSoftmax.Sample(new Tensor(logits, [n, 3]), 0.2f, new Generator(2));
        var counts = new int[3];
        for (var i = 0; i < n; i++) counts[Pipelines.Trainers.Gan.Transform.ColumnTransform.ArgMax(y.Data.AsSpan(i * 3, 3))]++;
        Assert.AreEqual(0.7, counts[0] / (double)n, 0.03);
        Assert.AreEqual(0.2, counts[1] / (double)n, 0.03);
    }
}
