using Pipelines.Trainers.Trees.Prediction;

namespace Pipelines.Export.Onnx.Converters;

/// <summary>
/// The node and target attributes of an ai.onnx.ml TreeEnsembleRegressor (opset 3) for a list of trees: tree t keeps
/// its node numbering; a numeric split is BRANCH_LEQ on the raw threshold, a categorical split BRANCH_EQ 1 on its
/// indicator column (<see cref="TreeEnsembleFeatures"/>); the true branch is the left child; missing_value_tracks_true is
/// the learned default direction (NaN goes left when set); a leaf adds its value to target t mod K (boosting) or its
/// weights to any targets the caller gives (forests: one per class).
/// </summary>
internal sealed class TreeEnsembleNodes
{
    private readonly List<long> _treeIds = [];
    private readonly List<long> _nodeIds = [];
    private readonly List<long> _featureIds = [];
    private readonly List<string> _modes = [];
    private readonly List<double> _values = [];
    private readonly List<long> _trueIds = [];
    private readonly List<long> _falseIds = [];
    private readonly List<long> _missingTracksTrue = [];
    private readonly List<long> _targetTreeIds = [];
    private readonly List<long> _targetNodeIds = [];
    private readonly List<long> _targetIds = [];
    private readonly List<double> _targetWeights = [];

    /// <summary>Adds every tree of <paramref name="trees"/>; a leaf of tree t adds its LeafValue to target t mod <paramref name="targets"/>.</summary>
    public TreeEnsembleNodes(IReadOnlyList<RegressionTree> trees, int targets, TreeEnsembleFeatures features)
        : this(trees, features, (t, i) => [(t % targets, trees[t].LeafValue[i])])
    {
    }

    /// <summary>Adds every tree of <paramref name="trees"/>; leaf i of tree t adds <paramref name="leafOutputs"/>(t, i), in that order.</summary>
    public TreeEnsembleNodes(IReadOnlyList<RegressionTree> trees, TreeEnsembleFeatures features, Func<int, int, IEnumerable<(int Target, double Weight)>> leafOutputs)
    {
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            for (var i = 0; i < tree.NodeCount; i++)
            {
                _treeIds.Add(t);
                _nodeIds.Add(i);
                if (tree.LeftChild[i] < 0)
                {
                    AddNode("LEAF", 0, 0, 0, 0, false);
                    foreach (var output in leafOutputs(t, i))
                    {
                        _targetTreeIds.Add(t);
                        _targetNodeIds.Add(i);
                        _targetIds.Add(output.Target);
                        _targetWeights.Add(output.Weight);
                    }
                }
                else if (tree.IsCategorical(i))
                {
                    AddNode("BRANCH_EQ", features.Indicator(tree.Feature[i], tree.LeftCategories[i]), 1.0, tree.LeftChild[i], tree.RightChild[i], tree.DefaultLeft[i]);
                }
                else
                {
                    AddNode("BRANCH_LEQ", features.Numeric(tree.Feature[i]), tree.Threshold[i], tree.LeftChild[i], tree.RightChild[i], tree.DefaultLeft[i]);
                }
            }
        }
    }

    /// <summary>
    /// The attributes, with <paramref name="baseValues"/> (one per target) and <paramref name="targets"/> outputs combined
    /// over trees by <paramref name="aggregate"/> (SUM, or AVERAGE: ONNX Runtime divides each target's sum by the tree count).
    /// </summary>
    public OnnxAttr[] Attributes(IReadOnlyList<double> baseValues, int targets, string aggregate = "SUM") =>
    [
        OnnxAttr.OfInt("n_targets", targets),
        OnnxAttr.OfString("aggregate_function", aggregate),
        OnnxAttr.OfString("post_transform", "NONE"),
        OnnxAttr.OfDoubleTensor("base_values_as_tensor", [.. baseValues]),
        OnnxAttr.OfInts("nodes_treeids", _treeIds),
        OnnxAttr.OfInts("nodes_nodeids", _nodeIds),
        OnnxAttr.OfInts("nodes_featureids", _featureIds),
        OnnxAttr.OfStrings("nodes_modes", _modes),
        OnnxAttr.OfDoubleTensor("nodes_values_as_tensor", _values),
        OnnxAttr.OfInts("nodes_truenodeids", _trueIds),
        OnnxAttr.OfInts("nodes_falsenodeids", _falseIds),
        OnnxAttr.OfInts("nodes_missing_value_tracks_true", _missingTracksTrue),
        OnnxAttr.OfInts("target_treeids", _targetTreeIds),
        OnnxAttr.OfInts("target_nodeids", _targetNodeIds),
        OnnxAttr.OfInts("target_ids", _targetIds),
        OnnxAttr.OfDoubleTensor("target_weights_as_tensor", _targetWeights),
    ];

    private void AddNode(string mode, int feature, double value, int trueId, int falseId, bool missingTracksTrue)
    {
        _modes.Add(mode);
        _featureIds.Add(feature);
        _values.Add(value);
        _trueIds.Add(trueId);
        _falseIds.Add(falseId);
        _missingTracksTrue.Add(missingTracksTrue ? 1 : 0);
    }
}

