using System.Globalization;
using Pipelines.Export.Onnx.Conversion;

namespace Pipelines.Export.Onnx.Converters;

/// <summary>
/// The float columns a tree ensemble reads, gathered into one [N, c] input. Numeric features are themselves (NaN =
/// missing). A categorical split "category in the left set" has no string test in ai.onnx.ml TreeEnsemble, so each
/// distinct (feature, left set) becomes an indicator column: an ai.onnx.ml LabelEncoder maps the left set's names to 1,
/// "" (missing) to NaN (so the node's missing direction applies) and every other name, unseen ones included, to 0;
/// the node then tests BRANCH_EQ 1. One indicator per distinct set keeps each node a single test (a chain of BRANCH_EQ
/// nodes would have to share the left subtree, which ONNX Runtime refuses, or copy it).
/// </summary>
internal sealed class TreeEnsembleFeatures
{
    private readonly OnnxConversionContext _context;
    private readonly IReadOnlyList<string> _features;
    private readonly string _step;
    private readonly List<string> _columns = [];
    private readonly Dictionary<int, int> _numeric = [];
    private readonly Dictionary<string, int> _indicators = new(StringComparer.Ordinal);

    /// <summary>
    /// Starts with every numeric feature of <paramref name="features"/> (those not flagged in <paramref name="categorical"/>),
    /// in feature order; <paramref name="step"/> names the model in export errors.
    /// </summary>
    public TreeEnsembleFeatures(IReadOnlyList<string> features, IReadOnlyList<bool> categorical, string step, OnnxConversionContext context)
    {
        _features = features;
        _step = step;
        _context = context;
        for (var f = 0; f < features.Count; f++)
        {
            if (categorical[f]) continue;
            _numeric[f] = _columns.Count;
            _columns.Add(context.Numeric(features[f]));
        }
    }

    /// <summary>The column of numeric feature <paramref name="feature"/>.</summary>
    public int Numeric(int feature) => _numeric[feature];

    /// <summary>The column that is 1 where categorical feature <paramref name="feature"/> is one of <paramref name="left"/>, 0 elsewhere, NaN where missing.</summary>
    public int Indicator(int feature, IReadOnlyCollection<string> left)
    {
        var name = _features[feature];
        OnnxPatterns.RefuseEmptyCategory(_step, name, left);
        var set = left.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var key = feature.ToString(CultureInfo.InvariantCulture) + "\0" + string.Join("\0", set);
        if (_indicators.TryGetValue(key, out var column)) return column;
        var indicator = _context.Graph.AddMlNode("LabelEncoder", name + "_in_left_set", [_context.Categorical(name)],
            OnnxAttr.OfStrings("keys_strings", [.. set, OnnxPatterns.MissingCategory]),
            OnnxAttr.OfFloats("values_floats", [.. set.Select(_ => 1f), float.NaN]),
            OnnxAttr.OfFloat("default_float", 0f));
        _indicators[key] = _columns.Count;
        _columns.Add(indicator);
        return _indicators[key];
    }

    /// <summary>
    /// The columns as one double [N, c] value (double so that ONNX Runtime sums leaf values in double, as the model does;
    /// a float input and a float threshold widen exactly, so x &lt;= t splits as in process). A model with no numeric
    /// feature and no categorical split gets one constant indicator column, since the ensemble needs an input.
    /// </summary>
    public string Build()
    {
        if (_columns.Count == 0) Indicator(0, []);
        var graph = _context.Graph;
        var x = _columns.Count == 1 ? _columns[0] : graph.AddNode("Concat", "tree_features", _columns, OnnxAttr.OfInt("axis", 1));
        return graph.AddNode("Cast", "tree_features_double", [x], OnnxPatterns.CastTo(Proto.TensorProto.Types.DataType.Double));
    }
}
