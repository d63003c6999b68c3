using Pipelines.Evaluation;
using Pipelines.Trainers.Neural;
using Pipelines.Trainers.Neural.Losses;
using Pipelines.Trainers.Neural.Modules;

namespace Pipelines.Trainers.Distillation;

/// <summary>
/// How well a student copies the teacher on held-out rows: the rows where their classes (argmax) differ, ties broken by
/// the soft loss (KL at the distillation temperature). The student's job is the teacher's decision, so the class
/// disagreements come first and the KL only orders students that disagree equally often.
/// </summary>
internal sealed class FidelityCheck
{
    private readonly Tensor inputs;
    private readonly Tensor teacherLogits;
    private readonly int[] teacherClasses;
    private readonly KLDivLoss soft;

    /// <summary>Checks against standardized held-out <paramref name="inputs"/> [n, d] and the teacher's probabilities
    /// for them, row-major [n, <paramref name="classes"/>]; the soft loss is at <paramref name="temperature"/>.</summary>
    public FidelityCheck(Tensor inputs, float[] teacherProbabilities, int classes, float temperature)
    {
        this.inputs = inputs;
        teacherLogits = new Tensor(DistillationLoss.LogitsFromProbabilities(teacherProbabilities), [inputs.Shape[0], classes]);
        teacherClasses = ClassificationMetrics.ArgMax(teacherProbabilities, classes);
        soft = new KLDivLoss(temperature);
    }

    /// <summary>Disagreements and soft loss of <paramref name="network"/> (in eval mode).</summary>
    public (int Disagreements, float SoftLoss) Measure(Sequential network)
    {
        using var _ = Torch.NoGrad();
        var logits = network.Forward(inputs);
        var k = teacherLogits.Shape[1];
        var disagreements = 0;
        for (var r = 0; r < teacherClasses.Length; r++)
        {
            var row = logits.Data.AsSpan(r * k, k);
            var best = 0;
            for (var c = 1; c < k; c++) if (row[c] > row[best]) best = c;
            if (best != teacherClasses[r]) disagreements++;
        }
        return (disagreements, soft.Forward(logits, teacherLogits).Item());
    }

    /// <summary>Whether <paramref name="candidate"/> copies the teacher better than <paramref name="best"/>.</summary>
    public static bool Better((int Disagreements, float SoftLoss) candidate, (int Disagreements, float SoftLoss) best) =>
        candidate.Disagreements < best.Disagreements
        || (candidate.Disagreements == best.Disagreements && candidate.SoftLoss < best.SoftLoss - 1e-7f);
}
