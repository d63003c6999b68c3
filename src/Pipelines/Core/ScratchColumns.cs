using Pipelines.Data;

namespace Pipelines.Core;

/// <summary>
/// The columns of a frame that only the chain transforming it holds: earlier steps of that chain made them, so no
/// caller sees them, and a step may write its output into their arrays instead of new ones (a z-score over the
/// imputer's columns, say). On large data that keeps one array per transformed column rather than one per step.
/// A column of the chain's own input is never scratch, nor is any column that shares its values (a renamed one): its
/// caller still has them, nor is a derived column (<see cref="NumericColumn.IsDerived"/>), which has no array. Only
/// numeric columns are written in place.
/// </summary>
public sealed class ScratchColumns
{
    private readonly DataFrame? _input;

    // The input's numeric arrays, gathered on the first question: a chain with no scratch-writing step never asks.
    private HashSet<float[]>? _callers;

    private ScratchColumns(DataFrame? input) => _input = input;

    /// <summary>No scratch: every column belongs to a caller.</summary>
    public static ScratchColumns None { get; } = new(null);

    /// <summary>The scratch of a chain whose input is <paramref name="input"/>: every numeric column whose values are not one of the input's.</summary>
    public static ScratchColumns Outside(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ScratchColumns(input);
    }

    /// <summary>Whether a step may overwrite <paramref name="column"/>'s values.</summary>
    public bool Contains(Column column)
    {
        if (_input is null || column is not NumericColumn { Buffer: { } buffer }) return false;
        _callers ??= new HashSet<float[]>(_input.Columns.OfType<NumericColumn>().Select(c => c.Buffer).OfType<float[]>(), ReferenceEqualityComparer.Instance);
        return !_callers.Contains(buffer);
    }

    /// <summary>
    /// <paramref name="column"/>'s values in an array the step may overwrite with its output: the column's own when it
    /// is scratch, else a new copy (a derived column's values computed into it). Elementwise maps read each value from
    /// it and write the result back.
    /// </summary>
    public float[] Writable(NumericColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return Contains(column) ? column.Buffer! : column.ToArray();
    }
}
