using System.Text.Json.Serialization;

namespace Pipelines.Calibration;

/// <summary>Turns a row of (calibrated) class probabilities into the predicted class code.</summary>
public abstract class DecisionRule
{
    /// <summary>The number of classes the rule was fitted for.</summary>
    [JsonIgnore]
    public abstract int ClassCount { get; }

    /// <summary>The predicted class code of one probability row (<see cref="ClassCount"/> values).</summary>
    public abstract int Decide(ReadOnlySpan<float> probabilities);

    /// <summary>The predicted code of every row of row-major <paramref name="probabilities"/>.</summary>
    public int[] Decide(ReadOnlySpan<float> probabilities, int classCount)
    {
        if (classCount != ClassCount || probabilities.Length % classCount != 0)
            throw new ArgumentException($"{GetType().Name}: fitted for {ClassCount} classes, given {probabilities.Length} values in rows of {classCount}.");
        var labels = new int[probabilities.Length / classCount];
        for (var r = 0; r < labels.Length; r++) labels[r] = Decide(probabilities.Slice(r * classCount, classCount));
        return labels;
    }
}
