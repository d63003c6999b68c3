namespace Pipelines.Trainers.Trees.Prediction;

/// <summary>
/// One fitted tree as flat node arrays, indexed by node (node 0 is the root; children come after their parent). This is
/// the form ONNX TreeEnsembleClassifier/Regressor export reads:
/// <list type="bullet">
/// <item><see cref="LeftChild"/>[i] &lt; 0 marks a leaf, whose output is <see cref="LeafValue"/>[i] (already scaled by the learning rate).</item>
/// <item>Numeric split (<see cref="LeftCategories"/>[i] empty): x &lt;= <see cref="Threshold"/>[i] goes to LeftChild[i] (ONNX BRANCH_LEQ), else RightChild[i].</item>
/// <item>Categorical split (<see cref="LeftCategories"/>[i] not empty): a value whose category name is in the list goes left;
/// any other category, including ones never seen in training, goes right. Threshold[i] is NaN.</item>
/// <item>A missing value (NaN, missing category) goes left when <see cref="DefaultLeft"/>[i] (ONNX missing_value_tracks_true).</item>
/// </list>
/// <see cref="Feature"/>[i] indexes the model's feature list; it is -1 at leaves.
/// </summary>
public sealed class RegressionTree
{
    public RegressionTree(int[] feature, float[] threshold, bool[] defaultLeft, int[] leftChild, int[] rightChild, double[] leafValue, string[][] leftCategories)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(threshold);
        ArgumentNullException.ThrowIfNull(defaultLeft);
        ArgumentNullException.ThrowIfNull(leftChild);
        ArgumentNullException.ThrowIfNull(rightChild);
        ArgumentNullException.ThrowIfNull(leafValue);
        ArgumentNullException.ThrowIfNull(leftCategories);
        var n = feature.Length;
        if (n == 0 || threshold.Length != n || defaultLeft.Length != n || leftChild.Length != n || rightChild.Length != n ||
            leafValue.Length != n || leftCategories.Length != n)
            throw new ArgumentException("A tree needs at least one node and node arrays of equal length.");
        for (var i = 0; i < n; i++)
        {
            var leaf = leftChild[i] < 0;
            if (leaf != (rightChild[i] < 0) || (!leaf && (leftChild[i] <= i || rightChild[i] <= i || leftChild[i] >= n || rightChild[i] >= n)))
                throw new ArgumentException($"Tree node {i} has invalid children ({leftChild[i]}, {rightChild[i]}).");
            if (!leaf && feature[i] < 0) throw new ArgumentException($"Tree node {i} splits on feature {feature[i]}.");
            if (leftCategories[i] is null) throw new ArgumentException($"Tree node {i} has no category list (use an empty one).");
        }
        Feature = feature;
        Threshold = threshold;
        DefaultLeft = defaultLeft;
        LeftChild = leftChild;
        RightChild = rightChild;
        LeafValue = leafValue;
        LeftCategories = leftCategories;
    }

    public int[] Feature { get; }
    public float[] Threshold { get; }
    public bool[] DefaultLeft { get; }
    public int[] LeftChild { get; }
    public int[] RightChild { get; }
    public double[] LeafValue { get; }
    public string[][] LeftCategories { get; }

    /// <summary>Number of nodes.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int NodeCount => Feature.Length;

    /// <summary>Whether node <paramref name="node"/> is a categorical split.</summary>
    public bool IsCategorical(int node) => LeftCategories[node].Length > 0;
}
