using Pipelines.Data;

namespace Pipelines.Transforms.Encoding;

/// <summary>
/// One output of a one-hot encoded column, computed as it is read (<see cref="OneHotEncoder"/>): 1 where the source's
/// code maps to <paramref name="slot"/>, else 0.
/// </summary>
/// <param name="source">The categorical column encoded.</param>
/// <param name="slots">Per source code + 1 (the missing code first), its output slot or -1 for none; shared by the column's outputs.</param>
/// <param name="slot">This output's slot.</param>
internal sealed class OneHotValues(CategoricalColumn source, int[] slots, int slot) : DerivedValues
{
    public override int Length => source.Length;

    public override float At(int row) => slots[source[row] + 1] == slot ? 1f : 0f;

    public override void CopyTo(int start, Span<float> destination)
    {
        var codes = source.Codes.Slice(start, destination.Length);
        for (var i = 0; i < codes.Length; i++) destination[i] = slots[codes[i] + 1] == slot ? 1f : 0f;
    }
}
