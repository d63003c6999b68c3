namespace Pipelines.Calibration;

/// <summary>
/// Maps one class's predicted probability to a calibrated probability (a one-vs-rest calibrator). Results lie in
/// [<see cref="Epsilon"/>, 1 − <see cref="Epsilon"/>] so log loss stays finite and a row never sums to zero.
/// Arithmetic is in float, in the order the ONNX graph uses, so exported models give the same numbers.
/// </summary>
public abstract class Calibrator
{
    /// <summary>The clip bound of inputs (before the logit) and outputs: 1e-7, still distinct from 1 in float.</summary>
    public const float Epsilon = 1e-7f;

    /// <summary>1 − <see cref="Epsilon"/> as float.</summary>
    public const float OneMinusEpsilon = 1f - Epsilon;

    /// <summary>The calibrated probability of <paramref name="probability"/>.</summary>
    public abstract float Apply(float probability);

    /// <summary>Clips into [<see cref="Epsilon"/>, 1 − <see cref="Epsilon"/>].</summary>
    public static float Clip(float probability) => Math.Clamp(probability, Epsilon, OneMinusEpsilon);

    /// <summary>log(q) − log(1 − q) of the clipped probability q, in float (as the graph computes it).</summary>
    public static float Logit(float probability)
    {
        var q = Clip(probability);
        return MathF.Log(q) - MathF.Log(1f - q);
    }
}
