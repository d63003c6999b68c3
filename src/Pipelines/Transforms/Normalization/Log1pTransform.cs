using Pipelines.Core;
using Pipelines.Data;

namespace Pipelines.Transforms.Normalization;

/// <summary>
/// Compresses heavy-tailed numeric features with the signed log: y = sign(x) * ln(1 + |x|).
/// Unlike plain ln(1 + x) it is defined for negative values (odd, monotonic, y(0) = 0), so no offset
/// has to be learned; fitting only fixes the columns. Missing values stay missing; +-infinity stays +-infinity.
/// </summary>
/// <param name="Columns">Columns to transform; null means every numeric feature.</param>
public sealed record Log1pTransform(IReadOnlyList<string>? Columns = null) : IEstimator<SignedLog1p>
{
    public DataSchema GetOutputSchema(DataSchema input)
    {
        ColumnSelection.Resolve(nameof(Log1pTransform), input, Columns, ColumnKind.Numeric);
        return input;
    }

    public SignedLog1p Fit(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new SignedLog1p(ColumnSelection.Resolve(nameof(Log1pTransform), input.Schema, Columns, ColumnKind.Numeric));
    }
}
