using Pipelines.Data;
using Pipelines.Persistence;

namespace Pipelines.Core;

/// <summary>
/// Fitted steps applied in order; what <see cref="EstimatorChain.Fit"/> returns and what a pipeline file holds. Columns
/// an earlier step made are the chain's scratch (<see cref="ScratchColumns"/>): later steps may write over them.
/// </summary>
[PersistedType("chain")]
public sealed class TransformerChain : ITransformer
{
    public TransformerChain(IReadOnlyList<ITransformer> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        Steps = [.. steps];
    }

    public IReadOnlyList<ITransformer> Steps { get; }

    public DataSchema GetOutputSchema(DataSchema input)
    {
        var schema = input;
        foreach (var step in Steps) schema = step.GetOutputSchema(schema);
        return schema;
    }

    public DataFrame Transform(DataFrame input)
    {
        var data = input;
        var scratch = ScratchColumns.Outside(input);
        foreach (var step in Steps) data = step.Transform(data, scratch);
        return data;
    }
}
