using Pipelines.Data;

namespace Pipelines.Core;

/// <summary>
/// A fitted step: holds only learned state (never the training data) and maps a frame to a new frame.
/// Transformers are immutable and safe to use from several threads.
/// </summary>
public interface ITransformer
{
    /// <summary>The exact schema <see cref="Transform"/> returns for input of <paramref name="input"/>; throws <see cref="Errors.SchemaException"/> when the input lacks what the step needs.</summary>
    DataSchema GetOutputSchema(DataSchema input);

    /// <summary>Applies the learned mapping. Never changes <paramref name="input"/>; keeps its row count and order.</summary>
    DataFrame Transform(DataFrame input);
}
