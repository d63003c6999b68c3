using Pipelines.Export.Onnx.Proto;

namespace Pipelines.MLNet.Trainers;

/// <summary>
/// Reads the trees of ML.NET's own ONNX export of a tree model (Microsoft.ML.OnnxConverter): one list per
/// TreeEnsembleRegressor node, in graph order (one per model; one per class, in class order, for a one-versus-all or
/// softmax multiclass model). The export is where ML.NET makes public what its model parameters keep internal: each
/// node's missing-value direction (nodes_missing_value_tracks_true, from InternalRegressionTree.DefaultValueForMissing)
/// and the per-class trees of LightGbm multiclass models (OneVersusAllModelParameters.SubModelParameters is internal).
/// ML.NET numbers a tree's internal nodes 0..N-1 and its leaves N + leaf index; leaf values are float32 there.
/// </summary>
internal static class MLNetOnnxTrees
{
    public static List<List<MLNetTree>> Read(byte[] onnx)
    {
        var model = ModelProto.Parser.ParseFrom(onnx);
        var ensembles = new List<List<MLNetTree>>();
        foreach (var node in model.Graph.Node.Where(n => n.OpType == "TreeEnsembleRegressor")) ensembles.Add(ReadEnsemble(node));
        return ensembles;
    }

    private static List<MLNetTree> ReadEnsemble(NodeProto node)
    {
        var attributes = node.Attribute.ToDictionary(a => a.Name, StringComparer.Ordinal);
        IList<long> Ints(string name) => attributes.TryGetValue(name, out var a) ? a.Ints : throw Missing(name);
        IList<float> Floats(string name) => attributes.TryGetValue(name, out var a) ? a.Floats : throw Missing(name);
        var treeIds = Ints("nodes_treeids");
        var nodeIds = Ints("nodes_nodeids");
        var featureIds = Ints("nodes_featureids");
        var modes = attributes.TryGetValue("nodes_modes", out var m) ? m.Strings.Select(s => s.ToStringUtf8()).ToList() : throw Missing("nodes_modes");
        var values = Floats("nodes_values");
        var trueIds = Ints("nodes_truenodeids");
        var falseIds = Ints("nodes_falsenodeids");
        var tracksTrue = Ints("nodes_missing_value_tracks_true");
        var targetTrees = Ints("target_treeids");
        var targetNodes = Ints("target_nodeids");
        var targetWeights = Floats("target_weights");

        var treeCount = treeIds.Count == 0 ? 0 : (int)treeIds.Max() + 1;
        var internalCounts = new int[treeCount];
        var leafCounts = new int[treeCount];
        for (var i = 0; i < treeIds.Count; i++)
        {
            if (modes[i] == "LEAF") leafCounts[treeIds[i]]++;
            else if (modes[i] == "BRANCH_LEQ") internalCounts[treeIds[i]]++;
            else throw new InvalidOperationException($"ML.NET's ONNX export has a tree node of mode {modes[i]}; only BRANCH_LEQ and LEAF are read.");
        }
        var trees = new MLNetTree[treeCount];
        for (var t = 0; t < treeCount; t++)
        {
            var n = internalCounts[t];
            trees[t] = new MLNetTree(new int[n], new float[n], new bool[n], new int[n], new int[n], new double[leafCounts[t]]);
        }
        for (var i = 0; i < treeIds.Count; i++)
        {
            if (modes[i] == "LEAF") continue;
            var tree = trees[treeIds[i]];
            var id = (int)nodeIds[i];
            tree.Feature[id] = (int)featureIds[i];
            tree.Threshold[id] = values[i];
            tree.MissingLeft[id] = tracksTrue[i] != 0;
            tree.Left[id] = Child(trueIds[i], tree.NodeCount);
            tree.Right[id] = Child(falseIds[i], tree.NodeCount);
        }
        for (var i = 0; i < targetTrees.Count; i++)
        {
            var tree = trees[targetTrees[i]];
            tree.Leaves[(int)targetNodes[i] - tree.NodeCount] += targetWeights[i];
        }
        return [.. trees];
    }

    private static int Child(long id, int internalCount) => id < internalCount ? (int)id : ~(int)(id - internalCount);

    private static InvalidOperationException Missing(string attribute) =>
        new($"ML.NET's ONNX export of a tree ensemble lacks the attribute '{attribute}'.");
}
