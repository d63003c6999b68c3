using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pipelines.AutoML.Reporting;

namespace Pipelines.AutoML.Tests.Reporting;

/// <summary>
/// Loads a full report.html in headless Chromium (Debian's chromium, which the test installs when run as root: DebianPackages): every chart
/// is laid out with a size and visible marks, and the screenshot shows the charts' colours on a page that is not blank.
/// Set PIPELINES_KEEP_REPORT to a folder to keep the page and screenshot for a look.
/// </summary>
[TestClass]
public sealed class ChromiumRenderTests
{
    /// <summary>Appended to a copy of the page (the report itself has no script): measures each chart as laid out.</summary>
    private const string Probe = """
        <script>
        const charts = [...document.querySelectorAll('svg[data-chart]')].map(svg => {
          const box = svg.getBoundingClientRect();
          const marks = [...svg.querySelectorAll('.mark')];
          const visible = marks.filter(m => { const b = m.getBBox(); return b.width > 0 || b.height > 0; }).length;
          const title = svg.firstElementChild && svg.firstElementChild.tagName === 'title' ? svg.firstElementChild.textContent : '';
          return { chart: svg.dataset.chart, width: box.width, height: box.height, marks: marks.length, visible, title };
        });
        const pre = document.createElement('pre');
        pre.id = 'probe';
        pre.textContent = JSON.stringify(charts);
        document.body.appendChild(pre);
        </script>
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record ChartBox(string Chart, double Width, double Height, int Marks, int Visible, string Title);

    [TestMethod]
    [TestCategory("EndToEnd")]
    public void Chromium_lays_out_every_chart_with_visible_marks_and_paints_them()
    {
        var chromium = Chromium.Find();
        var dir = Directory.CreateTempSubdirectory("report-chromium-");
        try
        {
            var page = Path.Combine(dir.FullName, "report.html");
            HtmlReport.Write(SampleReports.Full(), page);
            var probed = Path.Combine(dir.FullName, "probed.html");
            File.WriteAllText(probed, WithProbe(File.ReadAllText(page)));
            var png = Path.Combine(dir.FullName, "report.png");

            // The two browser runs are independent: run them side by side.
            var dom = Task.Run(() => Chromium.DumpDom(chromium, probed, dir.FullName));
            var shot = Task.Run(() => Chromium.Screenshot(chromium, page, png, 1200, 4000, dir.FullName));
            Task.WaitAll(dom, shot);
            Keep(page, png);

            CheckCharts(dom.Result);
            CheckScreenshot(PngImage.Read(png));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static void CheckCharts(string dom)
    {
        var json = Regex.Match(dom, "<pre id=\"probe\">(.*?)</pre>", RegexOptions.Singleline);
        Assert.IsTrue(json.Success, "the probe script did not run; the page may not have loaded:\n" + dom[..Math.Min(dom.Length, 500)]);
        var charts = JsonSerializer.Deserialize<List<ChartBox>>(WebUtility.HtmlDecode(json.Groups[1].Value), Json)!;
        foreach (var name in SampleReports.FullCharts)
        {
            var found = charts.Where(c => c.Chart == name).ToList();
            Assert.IsNotEmpty(found, $"chart '{name}' is not in the DOM Chromium built");
            foreach (var c in found)
            {
                Assert.IsGreaterThan(100, c.Width, $"chart '{name}' is laid out {c.Width} px wide");
                Assert.IsGreaterThan(100, c.Height, $"chart '{name}' is laid out {c.Height} px high");
                Assert.IsGreaterThan(0, c.Visible, $"chart '{name}' has {c.Marks} data marks, none with a visible extent");
                Assert.IsFalse(string.IsNullOrWhiteSpace(c.Title), $"chart '{name}' has no title");
            }
        }
    }

    private static void CheckScreenshot(PngImage image)
    {
        Assert.AreEqual(1200, image.Width);
        var counts = new Dictionary<int, int>();
        for (var y = 0; y < image.Height; y += 2)
        {
            for (var x = 0; x < image.Width; x += 2)
            {
                var color = image[x, y];
                counts[color] = counts.GetValueOrDefault(color) + 1;
            }
        }
        var total = counts.Values.Sum();
        var background = counts.Values.Max();
        Assert.IsLessThan(0.9, (double)background / total, "the screenshot is almost one colour: the page looks blank");
        Assert.IsGreaterThan(50, counts.Count, "the screenshot has too few colours for a page of charts");
        // The first two series colours fill bars in the label and class-balance charts.
        foreach (var (name, rgb) in new[] { ("blue", 0x4e79a7), ("orange", 0xf28e2b) })
        {
            var near = counts.Where(p => Distance(p.Key, rgb) < 24).Sum(p => p.Value);
            Assert.IsGreaterThan(200, near, $"hardly any {name} chart pixels ({near}): the charts were not painted");
        }
    }

    private static int Distance(int a, int b) =>
        Math.Abs((a >> 16) - (b >> 16)) + Math.Abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff)) + Math.Abs((a & 0xff) - (b & 0xff));

    /// <summary>The page with its Content-Security-Policy removed (it forbids scripts) and the probe added.</summary>
    private static string WithProbe(string html)
    {
        var csp = Regex.Match(html, "<meta http-equiv=\"Content-Security-Policy\"[^>]*>\n");
        Assert.IsTrue(csp.Success, "the report declares a Content-Security-Policy");
        return html.Remove(csp.Index, csp.Length).Replace("</body>", Probe + "</body>", StringComparison.Ordinal);
    }

    private static void Keep(params string[] files)
    {
        var keep = Environment.GetEnvironmentVariable("PIPELINES_KEEP_REPORT");
        if (string.IsNullOrEmpty(keep)) return;
        Directory.CreateDirectory(keep);
        foreach (var f in files) File.Copy(f, Path.Combine(keep, Path.GetFileName(f)), overwrite: true);
    }
}
