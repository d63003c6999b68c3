using Pipelines.Data;

namespace Pipelines.Trainers.Gan.Quality;

/// <summary>Total-variation distance between the category frequencies of two categorical columns.</summary>
public static class TotalVariation
{
    /// <summary>
    /// TV = (1/2) sum_v |p_a(v) - p_b(v)| over every value v in either column (matched by name, not code; "missing" is a
    /// value of its own). 0 for identical frequencies, 1 for disjoint values; NaN when either column is empty.
    /// </summary>
    public static double Distance(CategoricalColumn a, CategoricalColumn b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length == 0 || b.Length == 0) return double.NaN;
        var pa = Frequencies(a);
        var pb = Frequencies(b);
        double sum = 0;
        foreach (var key in pa.Keys.Union(pb.Keys)) sum += Math.Abs(pa.GetValueOrDefault(key) - pb.GetValueOrDefault(key));
        return sum / 2;
    }

    private static Dictionary<string, double> Frequencies(CategoricalColumn column)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < column.Length; i++)
        {
            // A control character cannot be a CSV category, so it marks "missing" without colliding.
            var key = column.ValueAt(i) ?? "\u0000missing";
            result[key] = result.GetValueOrDefault(key) + 1.0 / column.Length;
        }
        return result;
    }
}
