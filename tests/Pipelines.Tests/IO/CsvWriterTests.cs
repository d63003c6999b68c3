using System.Text;
using Pipelines.Data;
using Pipelines.IO;

namespace Pipelines.Tests.IO;

[TestClass]
public sealed class CsvWriterTests
{
    private static DataFrame Tricky() => new(
    [
        new NumericColumn("x", [1.5f, float.NaN, -0f, float.MaxValue, float.Epsilon, float.PositiveInfinity, float.NegativeInfinity, 0.1f]),
        CategoricalColumn.FromValues("cat, egory", ["a,b", "q\"uote", null, " lead", "trail ", "NA", "multi\nline", "cr\r\nlf"]),
        new TextColumn("note", ["plain", "", null, "tab\tin", "?", "null", "ünïcödé ✓", "x"]),
        CategoricalColumn.FromValues("y", ["yes", "no", "yes", "no", "yes", "no", "yes", "no"]),
    ], label: "y");

    private static DataFrame RoundTrip(DataFrame frame, string name)
    {
        var dir = CsvText.TempDirectory();
        try
        {
            var path = Path.Combine(dir, name);
            CsvWriter.Write(frame, path);
            return CsvReader.Read(path, CsvOptions.Default.WithSchema(frame.Schema));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public void RoundTripGivesAnEqualFrame()
    {
        // The empty text is written "" and reads back missing (documented), so compare against that.
        var frame = Tricky();
        var expected = frame.With(new TextColumn("note", ["plain", null, null, "tab\tin", "?", "null", "ünïcödé ✓", "x"]));
        foreach (var name in new[] { "d.csv", "d.tsv", "d.csv.gz", "d.tsv.gz" })
        {
            var back = RoundTrip(frame, name);
            Assert.IsTrue(expected.ContentEquals(back), $"{name}: {back}");
            Assert.AreEqual("y", back.LabelName);
        }
    }

    [TestMethod]
    public void FloatsRoundTripBitForBit()
    {
        var random = new Random(11);
        var values = Enumerable.Range(0, 2000).Select(_ => BitConverter.Int32BitsToSingle(random.Next())).Select(v => float.IsNaN(v) ? 1f : v).ToArray();
        var frame = new DataFrame([new NumericColumn("v", values)]);
        var back = RoundTrip(frame, "f.csv").Numeric("v").ToArray();
        CollectionAssert.AreEqual(values.Select(BitConverter.SingleToInt32Bits).ToArray(), back.Select(BitConverter.SingleToInt32Bits).ToArray());
    }

    [TestMethod]
    public void QuotesOnlyWhereNeeded()
    {
        var frame = new DataFrame(
        [
            new NumericColumn("n", [1f, float.NaN]),
            new TextColumn("t", ["a,b", "say \"hi\""]),
            new TextColumn("u", [" pad", "NA"]),
        ]);
        var stream = new MemoryStream();
        CsvWriter.Write(frame, stream);
        Assert.AreEqual("n,t,u\n1,\"a,b\",\" pad\"\n,\"say \"\"hi\"\"\",\"NA\"\n", Encoding.UTF8.GetString(stream.ToArray()));
    }

    [TestMethod]
    public void SingleColumnMissingValuesSurviveAsQuotedEmptyFields()
    {
        var frame = new DataFrame([new NumericColumn("v", [1f, float.NaN, 3f])]);
        var back = RoundTrip(frame, "one.csv");
        Assert.IsTrue(frame.ContentEquals(back), back.ToString());
    }

    [TestMethod]
    public void FailedWriteLeavesTheOldFileAndNoTemporaryFile()
    {
        var dir = CsvText.TempDirectory();
        try
        {
            var path = Path.Combine(dir, "out.csv");
            File.WriteAllText(path, "old\n");
            // A lone surrogate cannot be encoded as UTF-8, so the write fails midway.
            var bad = new DataFrame([new TextColumn("t", ["fine", "\uD800"])]);
            Assert.Throws<EncoderFallbackException>(() => CsvWriter.Write(bad, path));
            Assert.AreEqual("old\n", File.ReadAllText(path));
            CollectionAssert.AreEqual(new[] { "out.csv" }, Directory.GetFiles(dir).Select(Path.GetFileName).ToArray());

            CsvWriter.Write(new DataFrame([new TextColumn("t", ["new"])]), path);
            Assert.AreEqual("t\nnew\n", File.ReadAllText(path));
            Assert.AreEqual(1, Directory.GetFiles(dir).Length);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
