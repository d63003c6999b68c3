using Pipelines.Data;

namespace Pipelines.Transforms.Encoding;

/// <summary>
/// One output of a one-hot encoded column, computed as it is read (<see cref="OneHotEncoder"/>): 1 where the source's
/// code has this output's slot, else 0, looked up per code (no branch per row).
/// </summary>
/// <param name="source">The categorical column encoded.</param>
/// <param name="valueOfCode">Per source code + 1 (the missing code first), this output's value: 1 or 0.</param>
internal sealed class OneHotValues(CategoricalColumn source, float[] valueOfCode) : DerivedValues
{
    public override int Length => source.Length;

    public override float At(int row) => valueOfCode[source[row] + 1];

    public override void CopyTo(int start, Span<float> destination)
    {
        var codes = source.Codes.Slice(start, destination.Length);
        for (var i = 0; i < codes.Length; i++) destination[i] = valueOfCode[codes[i] + 1];
    }
}
