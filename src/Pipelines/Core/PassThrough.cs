using Pipelines.Data;
using Pipelines.Persistence;

namespace Pipelines.Core;

/// <summary>The fitted form of a step that acts only while fitting: returns its input unchanged.</summary>
[PersistedType("pass-through")]
public sealed class PassThrough : ITransformer
{
    public static PassThrough Instance { get; } = new();

    public DataSchema GetOutputSchema(DataSchema input) => input;

    public DataFrame Transform(DataFrame input) => input;
}
