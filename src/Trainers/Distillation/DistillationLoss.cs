using Pipelines.Trainers.Neural;
using Pipelines.Trainers.Neural.Losses;

namespace Pipelines.Trainers.Distillation;

/// <summary>
/// The knowledge-distillation objective (Hinton et al. 2015):
/// loss = Alpha * T^2 KL(softmax(t / T) || softmax(s / T)) averaged over all n rows
///      + (1 - Alpha) * cross-entropy(s, y) averaged over the rows that have a true label y,
/// with student logits s and teacher logits t. Rows without a true label (synthetic rows) have target -1 and
/// enter only the soft term; without any labelled row the hard term is 0.
/// </summary>
public sealed class DistillationLoss
{
    private readonly KLDivLoss soft;
    private readonly CrossEntropyLoss hard = new();

    /// <param name="temperature">T &gt; 0; larger T softens the teacher's distribution.</param>
    /// <param name="alpha">Weight of the soft term in [0, 1].</param>
    public DistillationLoss(float temperature, float alpha)
    {
        if (alpha is < 0 or > 1 || float.IsNaN(alpha)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be in [0, 1].");
        soft = new KLDivLoss(temperature);
        Alpha = alpha;
    }

    public float Temperature => soft.Temperature;

    public float Alpha { get; }

    /// <summary>The loss of <paramref name="student"/> logits [n, C] against <paramref name="teacher"/> logits [n, C] and
    /// true classes (-1 for none).</summary>
    public Tensor Forward(Tensor student, Tensor teacher, ReadOnlySpan<int> targets)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(teacher);
        if (targets.Length != student.Shape[0]) throw new ArgumentException($"DistillationLoss: {student.Shape[0]} rows but {targets.Length} targets.", nameof(targets));
        var labelled = new List<int>();
        var classes = new List<int>();
        for (var i = 0; i < targets.Length; i++)
        {
            if (targets[i] < 0) continue;
            labelled.Add(i);
            classes.Add(targets[i]);
        }
        var loss = soft.Forward(student, teacher) * Alpha;
        if (labelled.Count == 0 || Alpha == 1) return loss;
        var rows = labelled.Count == targets.Length ? student : student.IndexRows(labelled.ToArray());
        return loss + hard.Forward(rows, classes.ToArray()) * (1 - Alpha);
    }

    /// <summary>Teacher logits from teacher probabilities: ln max(p, 1e-7), so softmax(logits / T) = p^(1/T) renormalized.</summary>
    public static float[] LogitsFromProbabilities(ReadOnlySpan<float> probabilities)
    {
        var logits = new float[probabilities.Length];
        for (var i = 0; i < logits.Length; i++) logits[i] = MathF.Log(MathF.Max(probabilities[i], 1e-7f));
        return logits;
    }
}
