using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.Calibration;

/// <summary>
/// The cost of each (actual, predicted) class pair, for a decision rule that minimizes the mean cost. Correct
/// predictions usually cost 0, and costs may be negative (a gain). Read from a CSV file with <see cref="Read"/>.
/// </summary>
public sealed class CostMatrix
{
    private readonly double[,] _costs;

    /// <param name="classes">Class names; row and column i of <paramref name="costs"/> belong to class i.</param>
    /// <param name="costs">costs[actual, predicted], K×K, finite.</param>
    public CostMatrix(IReadOnlyList<string> classes, double[,] costs)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(costs);
        var k = classes.Count;
        if (k < 2 || costs.GetLength(0) != k || costs.GetLength(1) != k)
            throw new ArgumentException($"CostMatrix: {k} classes need a {k}x{k} matrix (at least 2x2), got {costs.GetLength(0)}x{costs.GetLength(1)}.");
        if (classes.Distinct(StringComparer.Ordinal).Count() != k)
            throw new ArgumentException($"CostMatrix: class names must be distinct, got {string.Join(", ", classes)}.");
        foreach (var c in costs)
        {
            if (!double.IsFinite(c)) throw new ArgumentException($"CostMatrix: cost {c} is not finite.");
        }
        Classes = [.. classes];
        _costs = (double[,])costs.Clone();
    }

    /// <summary>Class names in the order of the rows and columns.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>The cost of predicting class <paramref name="predicted"/> for a row of class <paramref name="actual"/> (codes in <see cref="Classes"/>).</summary>
    public double this[int actual, int predicted] => _costs[actual, predicted];

    /// <summary>
    /// The same costs with rows and columns in the order of <paramref name="classes"/>, which must name the same classes.
    /// </summary>
    public CostMatrix For(IReadOnlyList<string> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var index = new int[classes.Count];
        for (var i = 0; i < classes.Count; i++)
        {
            index[i] = Classes.OrdinalIndexOf(classes[i]);
            if (index[i] < 0)
                throw new ArgumentException($"CostMatrix: the model has class '{classes[i]}', which the cost matrix lacks (it has {string.Join(", ", Classes.Select(c => $"'{c}'"))}).");
        }
        if (classes.Count != Classes.Count)
            throw new ArgumentException($"CostMatrix: the cost matrix has {Classes.Count} classes but the model has {classes.Count}; give a cost for every pair of the model's classes.");
        var costs = new double[classes.Count, classes.Count];
        for (var a = 0; a < classes.Count; a++)
        {
            for (var p = 0; p < classes.Count; p++) costs[a, p] = _costs[index[a], index[p]];
        }
        return new CostMatrix(classes, costs);
    }

    /// <summary>
    /// Reads a cost matrix CSV file: a header row whose first cell is free text (e.g. "actual\predicted") followed by
    /// the predicted class names, then one row per actual class: its name, then the costs. Every class of
    /// <paramref name="classes"/> must appear once as a row and once as a column, in any order; the result is in the
    /// order of <paramref name="classes"/>. Errors name the file, line, column and value.
    /// </summary>
    public static CostMatrix Read(string path, IReadOnlyList<string> classes)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(classes);
        if (!File.Exists(path)) throw new PipelineException($"{path}: no such cost matrix file. Check the path.");
        return CostMatrixCsv.Read(path, classes);
    }
}
