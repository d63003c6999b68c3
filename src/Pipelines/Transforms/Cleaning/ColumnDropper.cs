using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Persistence;

namespace Pipelines.Transforms.Cleaning;

/// <summary>
/// Fitted step that removes a learned list of columns (see <see cref="DropConstantColumns"/>); the others keep
/// their order and values. Every listed column must be present, so a frame that differs from the training
/// frame is caught rather than passed on. (ONNX: the columns are simply not wired to any output.)
/// </summary>
[PersistedType("column-dropper")]
public sealed class ColumnDropper : ITransformer
{
    public ColumnDropper(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Columns = [.. columns];
    }

    /// <summary>The columns removed.</summary>
    public IReadOnlyList<string> Columns { get; }

    public DataSchema GetOutputSchema(DataSchema input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ColumnSelection.Require(nameof(ColumnDropper), input, Columns);
        var drop = new HashSet<string>(Columns, StringComparer.Ordinal);
        return new DataSchema(input.Columns.Where(c => !drop.Contains(c.Name)));
    }

    public DataFrame Transform(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        GetOutputSchema(input.Schema);
        return Columns.Count == 0 ? input : input.Without(Columns);
    }
}
