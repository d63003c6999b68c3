using System.Text.Json.Serialization;
using Pipelines.Persistence;

namespace Pipelines.Calibration;

/// <summary>
/// Predicts the class with the largest w_k·p_k (in float; ties go to the lower class code, as ONNX ArgMax). Weights of
/// 1 give the plain argmax.
/// </summary>
[PersistedType("class-weight-rule")]
public sealed class ClassWeightRule : DecisionRule
{
    private readonly float[] _weights;

    public ClassWeightRule(IReadOnlyList<float> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count < 2) throw new ArgumentException($"ClassWeightRule: needs a weight per class (at least two), got {weights.Count}.", nameof(weights));
        foreach (var w in weights)
        {
            if (!(w > 0) || !float.IsFinite(w)) throw new ArgumentException($"ClassWeightRule: weight {w} must be positive and finite.", nameof(weights));
        }
        _weights = [.. weights];
    }

    /// <summary>The plain argmax over <paramref name="classCount"/> classes.</summary>
    public static ClassWeightRule ArgMax(int classCount) => new(Enumerable.Repeat(1f, classCount).ToArray());

    /// <summary>Weight of each class, by class code.</summary>
    public IReadOnlyList<float> Weights => _weights;

    /// <inheritdoc/>
    [JsonIgnore]
    public override int ClassCount => _weights.Length;

    /// <inheritdoc/>
    public override int Decide(ReadOnlySpan<float> probabilities)
    {
        var best = 0;
        var bestScore = _weights[0] * probabilities[0];
        for (var c = 1; c < _weights.Length; c++)
        {
            var score = _weights[c] * probabilities[c];
            if (score > bestScore)
            {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }
}
