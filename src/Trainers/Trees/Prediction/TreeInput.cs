using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.Trainers.Trees.Prediction;

/// <summary>
/// A frame's feature columns as tree ensembles read them (numeric values, or category codes with their names), and the
/// walk of one <see cref="RegressionTree"/> to a leaf over raw values. Shared by the boosted and forest models.
/// </summary>
internal sealed class TreeInput
{
    private readonly float[][] _numeric;
    private readonly int[][] _codes;
    private readonly IReadOnlyList<string>?[] _categories;

    /// <summary>Reads <paramref name="features"/> from <paramref name="input"/>; <paramref name="categorical"/> says which must be categorical.</summary>
    public TreeInput(DataFrame input, IReadOnlyList<string> features, IReadOnlyList<bool> categorical, string step)
    {
        var count = features.Count;
        _numeric = new float[count][];
        _codes = new int[count][];
        _categories = new IReadOnlyList<string>?[count];
        for (var f = 0; f < count; f++)
        {
            var column = input[features[f]];
            if (categorical[f])
            {
                if (column is not CategoricalColumn c) { ThrowHelper.WrongKind(step, column.Name, column.Kind, ColumnKind.Categorical); return; }
                _codes[f] = c.Codes.ToArray();
                _categories[f] = c.Categories;
            }
            else
            {
                if (column is not NumericColumn n) { ThrowHelper.WrongKind(step, column.Name, column.Kind, ColumnKind.Numeric); return; }
                _numeric[f] = n.ToArray();
            }
        }
    }

    /// <summary>For each categorical node of <paramref name="tree"/>: which of this input's category codes go left (null elsewhere).</summary>
    public bool[][] LeftSets(RegressionTree tree)
    {
        var sets = new bool[tree.NodeCount][];
        for (var i = 0; i < tree.NodeCount; i++)
        {
            if (!tree.IsCategorical(i)) continue;
            var names = new HashSet<string>(tree.LeftCategories[i], StringComparer.Ordinal);
            var dictionary = _categories[tree.Feature[i]]!;
            var set = new bool[dictionary.Count];
            for (var c = 0; c < set.Length; c++) set[c] = names.Contains(dictionary[c]);
            sets[i] = set;
        }
        return sets;
    }

    /// <summary>The leaf node that row <paramref name="row"/> reaches in <paramref name="tree"/> (<paramref name="leftSets"/> from <see cref="LeftSets"/>).</summary>
    public int Leaf(RegressionTree tree, bool[][] leftSets, int row)
    {
        var node = 0;
        var left = tree.LeftChild;
        while (left[node] >= 0)
        {
            var f = tree.Feature[node];
            bool goLeft;
            var set = leftSets[node];
            if (set is not null)
            {
                var code = _codes[f][row];
                goLeft = code < 0 ? tree.DefaultLeft[node] : set[code];
            }
            else
            {
                var x = _numeric[f][row];
                goLeft = float.IsNaN(x) ? tree.DefaultLeft[node] : x <= tree.Threshold[node];
            }
            node = goLeft ? left[node] : tree.RightChild[node];
        }
        return node;
    }
}
