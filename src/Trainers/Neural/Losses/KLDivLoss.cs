namespace Pipelines.Trainers.Neural.Losses;

/// <summary>
/// KL divergence with temperature for knowledge distillation (Hinton et al. 2015; torch.nn.KLDivLoss(reduction='batchmean')
/// applied to softened outputs, times T^2):
/// p = softmax(teacher / T) (no gradient), loss = T^2 / n * sum_i sum_c p_ic (ln p_ic - log_softmax(student / T)_ic).
/// The T^2 factor keeps gradient magnitudes comparable across temperatures. Terms with p_ic = 0 contribute 0.
/// </summary>
public sealed class KLDivLoss
{
    public KLDivLoss(float temperature = 2f)
    {
        if (!(temperature > 0) || float.IsInfinity(temperature)) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "temperature must be positive and finite.");
        Temperature = temperature;
    }

    public float Temperature { get; }

    public Tensor Forward(Tensor studentLogits, Tensor teacherLogits)
    {
        ArgumentNullException.ThrowIfNull(studentLogits);
        ArgumentNullException.ThrowIfNull(teacherLogits);
        if (studentLogits.Rank != 2 || !studentLogits.Shape.SequenceEqual(teacherLogits.Shape))
            throw new ArgumentException($"KLDivLoss: student [{string.Join(", ", studentLogits.Shape)}] and teacher [{string.Join(", ", teacherLogits.Shape)}] must be equal [n, C].");
        var t = Temperature;
        Tensor p;
        using (Torch.NoGrad()) p = (teacherLogits.Detach() / t).Softmax();
        var entropyTerm = 0.0;
        foreach (var v in p.Data) if (v > 0) entropyTerm += v * Math.Log(v);
        var n = studentLogits.Shape[0];
        var cross = ((studentLogits / t).LogSoftmax() * p).Sum();
        // KL = sum p ln p - sum p log q; the first sum is a constant.
        return (-cross + (float)entropyTerm) * (t * t / n);
    }
}
