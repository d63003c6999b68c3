using Pipelines.Data;

namespace Pipelines.Core;

/// <summary>
/// A transformer that can write its output into the input's scratch columns (<see cref="ScratchColumns"/>). Chains call
/// it so; everyone else calls <see cref="ITransformer.Transform"/>, which never changes its input.
/// </summary>
public interface IScratchTransformer : ITransformer
{
    /// <summary>As <see cref="ITransformer.Transform"/>, except that the arrays of <paramref name="scratch"/>'s columns may hold the output.</summary>
    DataFrame Transform(DataFrame input, ScratchColumns scratch);
}
