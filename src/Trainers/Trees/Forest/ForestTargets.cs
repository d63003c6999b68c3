namespace Pipelines.Trainers.Trees.Forest;

/// <summary>
/// What forest trees fit, per training row: the output the row adds to (<see cref="Channel"/>: its class code, or 0 for
/// regression), the amount it adds (<see cref="Value"/>: its weight for a class indicator, weight times target for
/// regression), and its weight. With K = <see cref="Outputs"/> sums S_k = sum of Value over rows with Channel k and
/// W = sum of weights, a node's impurity times W is W - sum_k S_k^2 / W (Gini on one-hot class indicators) or
/// sum_r w y^2 - S_0^2 / W (squared error), so both decrease by the same formula (<see cref="ForestSplitter"/>).
/// </summary>
internal sealed class ForestTargets
{
    private ForestTargets(int outputs, int[] channel, float[] value, float[] weight, float[] targets)
    {
        Targets = targets;
        Outputs = outputs;
        Channel = channel;
        Value = value;
        Weight = weight;
    }

    public int Outputs { get; }
    public int[] Channel { get; }
    public float[] Value { get; }
    public float[] Weight { get; }
    public int Rows => Weight.Length;

    /// <summary>Regression: the label of each row; empty for classification.</summary>
    public float[] Targets { get; }

    /// <summary>One-hot class indicators for <paramref name="classes"/> classes.</summary>
    public static ForestTargets Classification(int classes, int[] codes, float[] weights) =>
        new(classes, codes, (float[])weights.Clone(), weights, []);

    /// <summary>One output: the target.</summary>
    public static ForestTargets Regression(float[] targets, float[] weights)
    {
        var value = new float[targets.Length];
        for (var r = 0; r < value.Length; r++) value[r] = weights[r] * targets[r];
        return new(1, new int[targets.Length], value, weights, targets);
    }

    /// <summary>The same rows with every weight multiplied by <paramref name="counts"/>[r] (bootstrap draws).</summary>
    public ForestTargets Reweighted(int[] counts)
    {
        var value = new float[Rows];
        var weight = new float[Rows];
        for (var r = 0; r < Rows; r++)
        {
            value[r] = Value[r] * counts[r];
            weight[r] = Weight[r] * counts[r];
        }
        return new(Outputs, Channel, value, weight, Targets);
    }
}
