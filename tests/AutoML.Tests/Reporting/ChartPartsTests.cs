using Pipelines.AutoML.Reporting;
using Pipelines.AutoML.Reporting.Svg;

namespace Pipelines.AutoML.Tests.Reporting;

[TestClass]
public sealed class ChartPartsTests
{
    [TestMethod]
    public void Scales_widen_to_nice_ticks()
    {
        var scale = LinearScale.Fit([0.03, 0.87], 0, 100);
        Assert.AreEqual(0, scale.Min, 1e-12);
        Assert.AreEqual(1, scale.Max, 1e-12);
        CollectionAssert.AreEqual(new[] { "0.0", "0.2", "0.4", "0.6", "0.8", "1.0" }, scale.Ticks().Select(scale.Label).ToArray());
        Assert.AreEqual(50, scale.Map(0.5), 1e-9);

        var counts = LinearScale.Fit([245, 2755], 300, 0, includeZero: true);
        CollectionAssert.AreEqual(new[] { "0", "1000", "2000", "3000" }, counts.Ticks().Select(counts.Label).ToArray());
        Assert.AreEqual(300, counts.Map(0), 1e-9, "a range may run backwards (y down)");
    }

    [TestMethod]
    public void Degenerate_data_still_gets_a_range()
    {
        foreach (var values in new[] { Array.Empty<double>(), [double.NaN], [3.0, 3.0], [0.0] })
        {
            var scale = LinearScale.Fit(values, 0, 100);
            Assert.IsLessThan(scale.Max, scale.Min, string.Join(",", values));
            Assert.IsGreaterThanOrEqualTo(2, scale.Ticks().Count);
        }
    }

    [TestMethod]
    public void Numbers_are_formatted_invariantly()
    {
        Assert.AreEqual("3,000", Format.Count(3000));
        Assert.AreEqual("0.9120", Format.Score(0.912));
        Assert.AreEqual(Format.Missing, Format.Score(double.NaN));
        Assert.AreEqual("12,345.7", Format.Score(12345.67));
        Assert.AreEqual("8.1%", Format.Percent(0.0812));
        Assert.AreEqual("46.9 KB", Format.Bytes(48_000));
        Assert.AreEqual("4 min 05 s", Format.Seconds(245));
        Assert.AreEqual("15k", Format.Tick(15000, 5000));
        Assert.AreEqual("0.0", Format.Tick(-1e-17, 0.1), "no minus sign on a zero that is off by rounding");
        Assert.AreEqual("2025-03-01 14:05 UTC", Format.Date(new DateTimeOffset(2025, 3, 1, 14, 5, 0, TimeSpan.Zero)));
    }

    [TestMethod]
    public void Escaping_covers_text_and_attributes()
    {
        Assert.AreEqual("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", Html.Escape("<a href=\"x\">&'"));
        Assert.AreEqual("plain", Html.Escape("plain"));
        Assert.AreEqual("a\uFFFDb", Html.Escape("a\u0001b"));
        Assert.AreEqual("abcd\u2026", Html.Shorten("abcdefgh", 5));
    }

    [TestMethod]
    public void Long_curves_are_thinned_to_what_shows()
    {
        var points = Enumerable.Range(0, 100_000).Select(i => (i / 100_000.0, Math.Sqrt(i / 100_000.0))).ToList();
        var svg = XyChart.Render(new XyChartSpec("c", "t", "x", "y", [new XySeries("curve", points, SeriesKind.Line, Palette.Series(0))]));
        Assert.IsLessThan(40_000, svg.Length, $"{svg.Length} characters for a 560-pixel-wide chart");
    }
}
