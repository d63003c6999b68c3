using Pipelines.Trainers.Neural;

namespace Pipelines.Trainers.Tests.Neural;

[TestClass]
public sealed class OpGradientTests
{
    private static Tensor R(int seed, params int[] shape) => GradCheck.Random(seed, shape);

    [TestMethod]
    [DataRow(new[] { 3, 4 }, new[] { 3, 4 })]
    [DataRow(new[] { 3, 4 }, new[] { 4 })]
    [DataRow(new[] { 3, 4 }, new[] { 3, 1 })]
    [DataRow(new[] { 3, 4 }, new int[0])]
    [DataRow(new[] { 1, 4 }, new[] { 3, 1 })]
    public void ArithmeticBroadcasts(int[] left, int[] right)
    {
        GradCheck.Check(x => x[0] + x[1], R(1, left), R(2, right));
        GradCheck.Check(x => x[0] - x[1], R(1, left), R(2, right));
        GradCheck.Check(x => x[0] * x[1], R(1, left), R(2, right));
        GradCheck.Check(x => x[0] / x[1], R(1, left), GradCheck.Random(2, right, shift: 3f));
        GradCheck.Check(x => x[1] / x[0], GradCheck.Random(1, left, shift: 3f), R(2, right));
    }

    [TestMethod]
    public void ScalarOperators() => GradCheck.Check(x => 2f - x[0] * 3f + 1f / (x[0] + 4f), R(3, 2, 3));

    [TestMethod]
    public void MatMulAndTranspose()
    {
        GradCheck.Check(x => x[0].MatMul(x[1]), R(4, 3, 5), R(5, 5, 4));
        GradCheck.Check(x => x[0].MatMulTransposed(x[1]), R(4, 3, 5), R(5, 4, 5));
        GradCheck.Check(x => x[0].T(), R(6, 3, 5));
    }

    [TestMethod]
    public void Reductions()
    {
        GradCheck.Check(x => x[0].Sum(), R(7, 3, 4));
        GradCheck.Check(x => x[0].Mean(), R(7, 3, 4));
        GradCheck.Check(x => x[0].Sum(0), R(7, 3, 4));
        GradCheck.Check(x => x[0].Sum(1), R(7, 3, 4));
        GradCheck.Check(x => x[0].Mean(0, keepDim: true), R(7, 3, 4));
        GradCheck.Check(x => x[0].Mean(-1, keepDim: true), R(7, 3, 4));
    }

    [TestMethod]
    public void Activations()
    {
        GradCheck.Check(x => x[0].Relu(), GradCheck.Random(8, [4, 5], margin: 0.05f));
        GradCheck.Check(x => x[0].LeakyRelu(0.2f), GradCheck.Random(8, [4, 5], margin: 0.05f));
        GradCheck.Check(x => x[0].Gelu(), R(9, 4, 5));
        GradCheck.Check(x => x[0].Tanh(), R(10, 4, 5));
        GradCheck.Check(x => x[0].Sigmoid(), R(11, 4, 5));
    }

    [TestMethod]
    public void Pointwise()
    {
        GradCheck.Check(x => x[0].Exp(), R(12, 3, 4));
        GradCheck.Check(x => x[0].Log(), GradCheck.Random(13, [3, 4], shift: 4f));
        GradCheck.Check(x => x[0].Sqrt(), GradCheck.Random(14, [3, 4], shift: 4f));
        GradCheck.Check(x => x[0].Square(), R(15, 3, 4));
    }

    [TestMethod]
    public void Softmaxes()
    {
        GradCheck.Check(x => x[0].LogSoftmax(), R(16, 4, 5));
        GradCheck.Check(x => x[0].Softmax(), R(17, 4, 5));
        GradCheck.Check(x => x[0].Softmax(), R(17, 5));
    }

    [TestMethod]
    public void ShapeOps()
    {
        GradCheck.Check(x => x[0].Reshape(2, -1) * x[0].Reshape(2, 6), R(18, 3, 4));
        GradCheck.Check(x => x[0].IndexRows([2, 0, 2, 1]), R(19, 3, 4));
        GradCheck.Check(x => Tensor.Concat([x[0], x[1].Tanh(), x[0]]), R(20, 3, 2), R(21, 3, 4));
    }

    [TestMethod]
    public void DropoutWithAFixedMask() =>
        GradCheck.Check(x => x[0].Dropout(0.3f, training: true, new Generator(5)), R(22, 6, 7));

    [TestMethod]
    public void SharedInputsAccumulate() =>
        GradCheck.Check(x => (x[0] * x[0]).MatMul(x[1]) + x[0].MatMul(x[1].Tanh()), R(23, 3, 3), R(24, 3, 2));
}
