using System.Numerics.Tensors;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Persistence;

namespace Pipelines.Transforms.Cleaning;

/// <summary>
/// Fitted clipping: y = min(max(x, Lower), Upper) per column (see <see cref="ClipOutliers"/>). NaN stays NaN.
/// Also records how many training values fell below and above the bounds, for the data profile and report.
/// (ONNX: Clip.)
/// </summary>
[PersistedType("value-clipper")]
public sealed class ValueClipper : IScratchTransformer
{
    public ValueClipper(
        IReadOnlyList<string> columns, IReadOnlyList<float> lower, IReadOnlyList<float> upper,
        IReadOnlyList<int> clippedBelow, IReadOnlyList<int> clippedAbove)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(upper);
        ArgumentNullException.ThrowIfNull(clippedBelow);
        ArgumentNullException.ThrowIfNull(clippedAbove);
        var n = columns.Count;
        if (lower.Count != n || upper.Count != n || clippedBelow.Count != n || clippedAbove.Count != n)
            throw new ArgumentException("ValueClipper: columns, bounds and counts need the same length.");
        for (var i = 0; i < n; i++)
        {
            if (!(lower[i] <= upper[i]))
                throw new ArgumentException($"ValueClipper: column '{columns[i]}' has lower bound {lower[i]} above upper bound {upper[i]}.");
        }
        Columns = [.. columns];
        Lower = [.. lower];
        Upper = [.. upper];
        ClippedBelow = [.. clippedBelow];
        ClippedAbove = [.. clippedAbove];
    }

    /// <summary>The numeric columns clipped.</summary>
    public IReadOnlyList<string> Columns { get; }
    /// <summary>Per column, the smallest value let through (may be -infinity).</summary>
    public IReadOnlyList<float> Lower { get; }
    /// <summary>Per column, the largest value let through (may be +infinity).</summary>
    public IReadOnlyList<float> Upper { get; }
    /// <summary>Per column, how many training values were below <see cref="Lower"/>.</summary>
    public IReadOnlyList<int> ClippedBelow { get; }
    /// <summary>Per column, how many training values were above <see cref="Upper"/>.</summary>
    public IReadOnlyList<int> ClippedAbove { get; }

    public DataSchema GetOutputSchema(DataSchema input)
    {
        ColumnSelection.Require(nameof(ValueClipper), input, Columns, ColumnKind.Numeric);
        return input;
    }

    public DataFrame Transform(DataFrame input) => Transform(input, ScratchColumns.None);

    public DataFrame Transform(DataFrame input, ScratchColumns scratch)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(scratch);
        GetOutputSchema(input.Schema);
        var clipped = new Column[Columns.Count];
        for (var i = 0; i < Columns.Count; i++)
        {
            var column = input.Numeric(Columns[i]);
            var values = scratch.Writable(column);
            // float.Clamp is Min(Max(x, lo), hi), and both propagate NaN.
            TensorPrimitives.Clamp(values, Lower[i], Upper[i], values);
            clipped[i] = new NumericColumn(Columns[i], values);
        }
        return input.With(clipped);
    }
}
