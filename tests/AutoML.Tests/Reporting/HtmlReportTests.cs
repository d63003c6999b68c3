using Pipelines.AutoML.Reporting;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.Profiling;

namespace Pipelines.AutoML.Tests.Reporting;

[TestClass]
public sealed class HtmlReportTests
{
    private static readonly Lazy<string> FullHtml = new(() => HtmlReport.Render(SampleReports.Full()));

    [TestMethod]
    public void Full_report_draws_every_chart_with_a_title_and_marks()
    {
        var html = FullHtml.Value;
        foreach (var name in SampleReports.FullCharts)
        {
            var charts = ReportHtml.Charts(html, name);
            Assert.IsNotEmpty(charts, $"chart '{name}' is missing");
            foreach (var svg in charts)
            {
                var title = svg.Elements().First();
                Assert.AreEqual("title", title.Name.LocalName, $"chart '{name}' must start with its <title>");
                Assert.IsFalse(string.IsNullOrWhiteSpace(title.Value), name);
                Assert.AreEqual("img", (string?)svg.Attribute("role"), name);
                var marks = ReportHtml.Marks(svg);
                Assert.IsNotEmpty(marks, $"chart '{name}' has no data marks");
                Assert.IsTrue(marks.Any(ReportHtml.HasExtent), $"chart '{name}' has only empty marks");
            }
        }
        CollectionAssert.IsSubsetOf(ReportHtml.ChartNames(html).Distinct().ToList(), SampleReports.FullCharts, "every chart has a known name");
    }

    [TestMethod]
    public void Full_report_has_every_section_and_a_link_to_each()
    {
        var html = FullHtml.Value;
        string[] sections = ["summary", "data", "balance", "leaderboard", "progress", "test-metrics", "confusion", "curves", "threshold", "importance", "synthetic", "compression"];
        foreach (var id in sections)
        {
            StringAssert.Contains(html, $"<section id=\"{id}\">");
            StringAssert.Contains(html, $"<a href=\"#{id}\">");
        }
        StringAssert.StartsWith(html, "<!DOCTYPE html>");
        StringAssert.Contains(html, "2,755", "counts are printed with invariant thousands separators");
        StringAssert.Contains(html, "0.9120", "metrics are printed with a point");
    }

    [TestMethod]
    public void Only_the_sections_given_are_drawn()
    {
        var headerOnly = HtmlReport.Render(new ReportData { Header = new ReportHeader("Just a title") });
        Assert.DoesNotContain("<svg", headerOnly);
        Assert.DoesNotContain("<section id=\"leaderboard\"", headerOnly);
        StringAssert.Contains(headerOnly, "<h1>Just a title</h1>");

        var full = SampleReports.Full();
        var partial = HtmlReport.Render(new ReportData { Header = full.Header, Leaderboard = full.Leaderboard, ConfusionMatrix = full.ConfusionMatrix });
        CollectionAssert.AreEquivalent(new[] { "confusion-matrix" }, ReportHtml.ChartNames(partial).ToArray());
        StringAssert.Contains(partial, "<section id=\"leaderboard\">");
        Assert.DoesNotContain("<section id=\"progress\"", partial);
        Assert.DoesNotContain("href=\"#progress\"", partial);
    }

    [TestMethod]
    public void Leaderboard_shows_the_best_twenty_in_rank_order()
    {
        var rows = Enumerable.Range(1, 30).Reverse().Select(r => new LeaderboardDataRow(r, 100 + r, "gbdt", 1.0 / r, 1, $"p={r}")).ToList();
        var html = HtmlReport.Render(new ReportData { Header = SampleReports.Header(), Leaderboard = new LeaderboardData("RMSE", false, rows) });
        var table = html[html.IndexOf("<table class=\"leaderboard\">", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.AreEqual(HtmlReport.LeaderboardRows, table.Split("<tr").Length - 2, "header row + 20 rows");
        Assert.IsLessThan(table.IndexOf("p=2<", StringComparison.Ordinal), table.IndexOf("p=1<", StringComparison.Ordinal));
        Assert.DoesNotContain("p=21<", table);
        StringAssert.Contains(table, "<tr class=\"best\">");
        StringAssert.Contains(html, "lower is better");
    }

    [TestMethod]
    public void User_strings_are_escaped_everywhere()
    {
        var html = FullHtml.Value;
        Assert.DoesNotContain(SampleReports.Awkward, html);
        Assert.DoesNotContain("<b>", html);
        Assert.DoesNotContain("<Paris>", html);
        StringAssert.Contains(html, "&lt;b&gt;a&amp;b&lt;/b&gt; &quot;q&quot; &#39;x&#39;");
        StringAssert.Contains(html, "&lt;Paris&gt;");
        StringAssert.Contains(html, "logistic &lt;regression&gt;");
        // Attribute values too: the synthetic chart of the awkward column names it in data-column.
        StringAssert.Contains(html, "data-column=\"&lt;b&gt;a&amp;b&lt;/b&gt; &quot;q&quot; &#39;x&#39;\"");
        var title = HtmlReport.Render(new ReportData { Header = new ReportHeader("</title><script>alert(1)</script>") });
        Assert.DoesNotContain("<script", title);
    }

    [TestMethod]
    public void A_category_as_long_as_a_document_is_shown_by_its_start()
    {
        // A free-text cell read as a category: the profile's top values and the synthetic chart's labels and tooltips
        // echo it, and a report must not grow by the size of the data.
        var document = new string('d', 100_000);
        var random = new Random(5);
        var frame = SampleReports.Frame(random, 200);
        var city = frame.Categorical("city");
        var values = Enumerable.Range(0, frame.RowCount).Select(r => r % 2 == 0 ? document : city.ValueAt(r)).ToArray();
        frame = frame.With(CategoricalColumn.FromValues("city", values));
        var html = HtmlReport.Render(new ReportData
        {
            Header = SampleReports.Header(),
            Profile = DataProfile.Compute(frame),
            Synthetic = SyntheticComparison.Compute(frame, frame),
        });
        StringAssert.Contains(html, new string('d', 39) + "\u2026");
        Assert.DoesNotContain(new string('d', 400), html);
        Assert.IsLessThan(200_000, html.Length);
    }

    [TestMethod]
    public void Report_references_nothing_outside_itself()
    {
        var html = FullHtml.Value;
        foreach (var banned in new[] { "http://", "https://", "src=", "<script", "<link", "<img", "<iframe", "@import", "url(", "//cdn" })
            Assert.DoesNotContain(banned, html, $"'{banned}' found");
        foreach (var href in System.Text.RegularExpressions.Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value))
            StringAssert.StartsWith(href, "#", "links only point inside the page");
        StringAssert.Contains(html, "Content-Security-Policy");
    }

    [TestMethod]
    public void Missing_and_empty_values_render_as_dashes_and_notes()
    {
        var header = SampleReports.Header();
        var html = HtmlReport.Render(new ReportData
        {
            Header = header,
            Leaderboard = new LeaderboardData("MacroF1", true, [new LeaderboardDataRow(1, 0, "gbdt", double.NaN, double.PositiveInfinity, "")]),
            Progress = new SearchProgressData("MacroF1", [], [new TrialPoint(1, double.NaN, "gbdt")]),
            TestMetrics = new MetricsTable([]),
            RocCurves = [],
            PrCurves = [],
            Threshold = new ThresholdCurveData("F1", [], 0.5),
            FeatureImportance = new FeatureImportanceData("F1", []),
            Synthetic = new SyntheticComparison(10, 0, [], []),
            Compression = new CompressionTableData("accuracy", "ms per row", [new CompressionRow("teacher", 0, double.NaN, double.NaN)]),
            ClassBalance = new ClassBalance([], []),
        });
        Assert.DoesNotContain("NaN", html);
        Assert.DoesNotContain("Infinity", html);
        Assert.DoesNotContain("\u221e", html);
        StringAssert.Contains(html, "No trial finished with a score.");
        StringAssert.Contains(html, "No threshold points were given.");
        foreach (var svg in ReportHtml.ChartNames(html)) Assert.IsTrue(svg is "roc" or "pr" or "compression-size", svg);
    }

    [TestMethod]
    public void Multiclass_curves_get_one_series_per_class_and_a_legend()
    {
        var random = new Random(3);
        var actual = Enumerable.Range(0, 90).Select(i => i % 3).ToArray();
        var curves = Enumerable.Range(0, 3).Select(c =>
        {
            var binary = actual.Select(a => a == c ? 1 : 0).ToArray();
            var scores = binary.Select(b => (float)(0.4 * b + random.NextDouble() * 0.6)).ToArray();
            return new RocSeries($"class {c}", RankingMetrics.RocCurve(binary, scores), RankingMetrics.RocAuc(binary, scores));
        }).ToList();
        var html = HtmlReport.Render(new ReportData { Header = SampleReports.Header(), RocCurves = curves });
        var roc = ReportHtml.Charts(html, "roc").Single();
        Assert.HasCount(3, ReportHtml.Marks(roc), "one curve per class");
        Assert.HasCount(4, roc.Descendants().Where(e => e.Name.LocalName == "path").ToList(), "three curves and the chance diagonal");
        foreach (var c in curves) StringAssert.Contains(html, $"{c.Name} (AUC {c.Auc.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)})");
    }

    [TestMethod]
    public void Threshold_chart_marks_the_chosen_point()
    {
        var points = Enumerable.Range(0, 21).Select(i => new ThresholdDataPoint(i / 20.0, 1 - Math.Abs(i / 20.0 - 0.35))).ToList();
        var html = HtmlReport.Render(new ReportData { Header = SampleReports.Header(), Threshold = new ThresholdCurveData("F1", points, 0.35) });
        var chart = ReportHtml.Charts(html, "threshold").Single();
        var mark = chart.Descendants().Single(e => (string?)e.Attribute("data-highlight") == "true");
        StringAssert.Contains(mark.Value, "chosen 0.350: 1.0000");
        StringAssert.Contains(html, "Chosen threshold 0.350");
    }

    [TestMethod]
    public void Confusion_matrix_draws_a_cell_per_pair_and_rejects_a_wrong_shape()
    {
        var matrix = new ConfusionMatrixData(["a", "b", "c"], new[,] { { 5, 1, 0 }, { 2, 7, 1 }, { 0, 0, 9 } });
        var html = HtmlReport.Render(new ReportData { Header = SampleReports.Header(), ConfusionMatrix = matrix });
        var chart = ReportHtml.Charts(html, "confusion-matrix").Single();
        Assert.HasCount(9, ReportHtml.Marks(chart));
        StringAssert.Contains(html, "21 of 25 test rows classified correctly");

        var wrong = new ConfusionMatrixData(["a", "b", "c"], new int[2, 2]);
        var error = Assert.ThrowsExactly<ArgumentException>(() => HtmlReport.Render(new ReportData { Header = SampleReports.Header(), ConfusionMatrix = wrong }));
        StringAssert.Contains(error.Message, "2 x 2 counts for 3 classes");
    }

    [TestMethod]
    public void Write_replaces_the_file_atomically_with_the_rendered_page()
    {
        var dir = Directory.CreateTempSubdirectory("report-test-");
        try
        {
            var path = Path.Combine(dir.FullName, "report.html");
            File.WriteAllText(path, "old");
            var data = SampleReports.Full();
            HtmlReport.Write(data, path);
            Assert.AreEqual(HtmlReport.Render(data), File.ReadAllText(path));
            CollectionAssert.AreEqual(new[] { path }, Directory.GetFiles(dir.FullName), "no temporary file is left behind");
            var bytes = File.ReadAllBytes(path);
            Assert.AreEqual((byte)'<', bytes[0], "UTF-8 without a byte order mark");

            var nested = Path.Combine(dir.FullName, "runs", "churn", "report.html");
            HtmlReport.Write(data, nested);
            Assert.IsTrue(File.Exists(nested), "the output folder is created");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [TestMethod]
    public void Rendering_is_deterministic()
    {
        Assert.AreEqual(HtmlReport.Render(SampleReports.Full()), HtmlReport.Render(SampleReports.Full()));
    }
}
