using Pipelines.Trainers.Distillation;
using Pipelines.Trainers.Neural;
using Pipelines.Trainers.Tests.Neural;

namespace Pipelines.Trainers.Tests.Distillation;

[TestClass]
public sealed class DistillationLossTests
{
    private static readonly int[] Targets = [2, -1, 0, -1, 1];

    [TestMethod]
    public void GradientMatchesFiniteDifferences()
    {
        var teacher = GradCheck.Random(7, [5, 3]);
        var loss = new DistillationLoss(temperature: 3f, alpha: 0.6f);
        GradCheck.Check(x => loss.Forward(x[0], teacher, Targets), GradCheck.Random(8, [5, 3]));
    }

    [TestMethod]
    public void ValueIsTheBlendOfSoftAndHardTerms()
    {
        var student = GradCheck.Random(1, [5, 3]);
        var teacher = GradCheck.Random(2, [5, 3]);
        const float t = 2.5f, alpha = 0.3f;
        double soft = 0, hard = 0;
        var labelled = 0;
        for (var i = 0; i < 5; i++)
        {
            var p = Softmax(teacher.Data.AsSpan(i * 3, 3), t);
            var q = Softmax(student.Data.AsSpan(i * 3, 3), t);
            for (var c = 0; c < 3; c++) soft += p[c] * (Math.Log(p[c]) - Math.Log(q[c]));
            if (Targets[i] < 0) continue;
            labelled++;
            hard -= Math.Log(Softmax(student.Data.AsSpan(i * 3, 3), 1)[Targets[i]]);
        }
        var expected = alpha * t * t * soft / 5 + (1 - alpha) * hard / labelled;
        var actual = new DistillationLoss(t, alpha).Forward(student, teacher, Targets).Item();
        Assert.AreEqual(expected, actual, 1e-4);
    }

    [TestMethod]
    public void RowsWithoutLabelsOnlyGiveTheSoftTerm()
    {
        var student = GradCheck.Random(3, [2, 3]);
        var teacher = GradCheck.Random(4, [2, 3]);
        var none = new DistillationLoss(2f, 0.5f).Forward(student, teacher, [-1, -1]).Item();
        var softOnly = new DistillationLoss(2f, 1f).Forward(student, teacher, [0, 1]).Item();
        Assert.AreEqual(softOnly * 0.5f, none, 1e-6);
    }

    [TestMethod]
    public void TeacherLogitsFromProbabilitiesRecoverTheProbabilities()
    {
        float[] p = [0.7f, 0.2f, 0.1f];
        var logits = new Tensor(DistillationLoss.LogitsFromProbabilities(p), [1, 3]);
        var back = logits.Softmax();
        for (var c = 0; c < 3; c++) Assert.AreEqual(p[c], back.Data[c], 1e-6);
    }

    private static double[] Softmax(ReadOnlySpan<float> z, float t)
    {
        var max = double.NegativeInfinity;
        foreach (var v in z) max = Math.Max(max, v / t);
        var e = new double[z.Length];
        for (var i = 0; i < z.Length; i++) e[i] = Math.Exp(z[i] / t - max);
        var sum = e.Sum();
        return [.. e.Select(v => v / sum)];
    }
}
