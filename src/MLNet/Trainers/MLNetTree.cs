namespace Pipelines.MLNet.Trainers;

/// <summary>
/// One tree as ML.NET lays it out (RegressionTreeBase, InternalRegressionTree): internal nodes 0..N-1; a child c ≥ 0 is
/// internal node c, a child c &lt; 0 is leaf ~c. At node i a value x goes left when x ≤ <see cref="Threshold"/>[i]; NaN
/// goes left when <see cref="MissingLeft"/>[i]. A tree of one leaf has no internal nodes.
/// </summary>
internal sealed record MLNetTree(int[] Feature, float[] Threshold, bool[] MissingLeft, int[] Left, int[] Right, double[] Leaves)
{
    public int NodeCount => Feature.Length;

    /// <summary>The same tree with <paramref name="leaves"/> as leaf values (the exact doubles where the public API gives them).</summary>
    public MLNetTree WithLeaves(IReadOnlyList<double> leaves)
    {
        if (leaves.Count != Leaves.Length)
            throw new InvalidOperationException($"ML.NET's tree has {leaves.Count} leaves in its public parameters but {Leaves.Length} in its ONNX export.");
        return this with { Leaves = [.. leaves] };
    }
}
