using Pipelines.Data;

namespace Pipelines.Tests.Sampling;

/// <summary>Small frames built by hand for the sampler tests.</summary>
internal static class SamplingTestData
{
    /// <summary>A frame with numeric features x and y and a categorical label "label".</summary>
    public static DataFrame Points(float[] x, float[] y, string[] labels) =>
        new([new NumericColumn("x", x), new NumericColumn("y", y), CategoricalColumn.FromValues("label", labels)], label: "label");

    /// <summary>Class sizes by name.</summary>
    public static Dictionary<string, int> CountByClass(DataFrame frame)
    {
        var label = (CategoricalColumn)frame.Label!;
        var counts = label.CountPerCategory();
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < counts.Length; c++) if (counts[c] > 0) result[label.Categories[c]] = counts[c];
        return result;
    }

    /// <summary>Labels: 'a' × <paramref name="a"/>, 'b' × <paramref name="b"/>, 'c' × <paramref name="c"/>, with x = row index and y = row² mod 7.</summary>
    public static DataFrame ThreeClasses(int a, int b, int c)
    {
        var labels = Enumerable.Repeat("a", a).Concat(Enumerable.Repeat("b", b)).Concat(Enumerable.Repeat("c", c)).ToArray();
        var x = Enumerable.Range(0, labels.Length).Select(i => (float)i).ToArray();
        var y = Enumerable.Range(0, labels.Length).Select(i => (float)(i * i % 7)).ToArray();
        return Points(x, y, labels);
    }
}
