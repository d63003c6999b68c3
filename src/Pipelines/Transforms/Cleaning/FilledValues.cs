using Pipelines.Data;

namespace Pipelines.Transforms.Cleaning;

/// <summary>A numeric column's values with every NaN replaced by a fill, computed as they are read (<see cref="MissingImputer"/>).</summary>
internal sealed class FilledValues(NumericColumn source, float fill) : DerivedValues
{
    public override int Length => source.Length;

    public override float At(int row)
    {
        var value = source[row];
        return float.IsNaN(value) ? fill : value;
    }

    public override void CopyTo(int start, Span<float> destination)
    {
        source.CopyTo(start, destination);
        Fill(destination, fill);
    }

    /// <summary>Replaces each NaN of <paramref name="values"/> by <paramref name="fill"/>.</summary>
    public static void Fill(Span<float> values, float fill)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (float.IsNaN(values[i])) values[i] = fill;
        }
    }
}
