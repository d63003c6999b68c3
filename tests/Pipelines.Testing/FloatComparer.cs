namespace Pipelines.Tests;

/// <summary>Compares floats within a tolerance, NaN equal to NaN.</summary>
public sealed class FloatComparer(float tolerance) : System.Collections.IComparer
{
    public int Compare(object? x, object? y)
    {
        var a = (float)x!;
        var b = (float)y!;
        if (float.IsNaN(a) && float.IsNaN(b)) return 0;
        return Math.Abs(a - b) <= tolerance ? 0 : a.CompareTo(b);
    }
}
