using System.Text.Json.Serialization;
using Pipelines.Persistence;

namespace Pipelines.Calibration;

/// <summary>Binary: predicts <see cref="PositiveClass"/> when its probability is at least <see cref="Threshold"/>, else the other class.</summary>
[PersistedType("threshold-rule")]
public sealed class ThresholdRule : DecisionRule
{
    public ThresholdRule(int positiveClass, float threshold)
    {
        if (positiveClass is not (0 or 1)) throw new ArgumentException($"ThresholdRule: positive class code {positiveClass} must be 0 or 1.", nameof(positiveClass));
        if (!float.IsFinite(threshold)) throw new ArgumentException($"ThresholdRule: threshold {threshold} must be finite.", nameof(threshold));
        PositiveClass = positiveClass;
        Threshold = threshold;
    }

    /// <summary>Code (0 or 1) of the class whose probability is compared with the threshold.</summary>
    public int PositiveClass { get; }

    public float Threshold { get; }

    /// <inheritdoc/>
    [JsonIgnore]
    public override int ClassCount => 2;

    /// <inheritdoc/>
    public override int Decide(ReadOnlySpan<float> probabilities) =>
        probabilities[PositiveClass] >= Threshold ? PositiveClass : 1 - PositiveClass;
}
