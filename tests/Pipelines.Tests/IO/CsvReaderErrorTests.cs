using System.Text;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.IO;

namespace Pipelines.Tests.IO;

[TestClass]
public sealed class CsvReaderErrorTests
{
    private static DataFormatException Fails(string text, CsvOptions? options = null) =>
        Assert.Throws<DataFormatException>(() => CsvText.Read(text, options));

    [TestMethod]
    public void TooFewFieldsNamesTheLineTheFirstMissingColumnAndTheCounts()
    {
        var e = Fails("a,b,c\n1,2,3\n4,5\n");
        Assert.AreEqual("t.csv", e.File);
        Assert.AreEqual(3, e.Line);
        Assert.AreEqual("c", e.Column);
        StringAssert.Contains(e.Message, "2 field(s) but the header has 3");
        StringAssert.Contains(e.Message, "t.csv:3");
    }

    [TestMethod]
    public void BinaryContentIsRefusedWithItsLine()
    {
        var e = Fails("a,b\n1,2\n3,\u0000\u0001\n");
        Assert.AreEqual(3, e.Line);
        StringAssert.Contains(e.Message, "binary data");
    }

    [TestMethod]
    public void TooManyFieldsNamesTheFirstExtraValue()
    {
        var e = Fails("a,b\n1,2\n3,4,oops\n");
        Assert.AreEqual(3, e.Line);
        Assert.AreEqual("oops", e.Value);
        StringAssert.Contains(e.Message, "3 field(s) but the header has 2");
    }

    [TestMethod]
    public void UnterminatedQuoteNamesTheLineWhereItOpened()
    {
        var e = Fails("a,b\n1,x\n2,\"never closed\n3,y\n4,z\n");
        Assert.AreEqual(3, e.Line);
        Assert.AreEqual("b", e.Column);
        StringAssert.Contains(e.Message, "never closed");
    }

    [TestMethod]
    public void StrayTextAfterAClosingQuoteIsAnError()
    {
        var e = Fails("a,b\n1,\"x\"y\n");
        Assert.AreEqual(2, e.Line);
        Assert.AreEqual("b", e.Column);
        StringAssert.Contains(e.Message, "after the closing quote");
    }

    [TestMethod]
    public void EmptyFileIsAnError()
    {
        StringAssert.Contains(Fails("").Message, "empty");
        StringAssert.Contains(CsvTextFails(Encoding.UTF8.GetPreamble()).Message, "empty");
    }

    private static DataFormatException CsvTextFails(byte[] bytes) => Assert.Throws<DataFormatException>(() => CsvText.ReadBytes(bytes));

    [TestMethod]
    public void DuplicateAndEmptyHeaderNamesAreErrors()
    {
        var dup = Fails("a,b,a\n1,2,3\n");
        Assert.AreEqual(1, dup.Line);
        Assert.AreEqual("a", dup.Column);
        StringAssert.Contains(dup.Message, "fields 1 and 3");
        var empty = Fails("a,,c\n1,,3\n4,2,6\n");
        Assert.AreEqual("#2", empty.Column);
        Assert.AreEqual(3, empty.Line, "an unnamed column is refused at its first value");
        Assert.AreEqual("2", empty.Value);
        StringAssert.Contains(empty.Message, "header field 2 of 3 is empty, but this row has a value");
        StringAssert.Contains(Fails("a,b,\n1,2,3\n").Message, "trailing separator");
        var ragged = Fails("a,,c\n1\n");
        Assert.AreEqual("#2", ragged.Column, "the first missing field, unnamed, by its position");
    }

    [TestMethod]
    public void MissingLabelListsTheColumnsPresent()
    {
        var e = Fails("a,b\n1,2\n", CsvOptions.Default with { Label = "target" });
        Assert.AreEqual("target", e.Column);
        StringAssert.Contains(e.Message, "'a', 'b'");
        StringAssert.Contains(e.Message, "label");
    }

    [TestMethod]
    public void UnknownNamesInColumnsOrKindsAreErrors()
    {
        StringAssert.Contains(Fails("a,b\n1,2\n", CsvOptions.Default with { Columns = ["c"] }).Message, "no column named in Columns 'c'");
        var kinds = new Dictionary<string, ColumnKind> { ["B"] = ColumnKind.Text };
        Assert.AreEqual("B", Fails("a,b\n1,2\n", CsvOptions.Default with { ColumnKinds = kinds }).Column);
    }

    [TestMethod]
    public void ValueBreakingADeclaredNumericKindNamesLineColumnAndValue()
    {
        var kinds = new Dictionary<string, ColumnKind> { ["x"] = ColumnKind.Numeric };
        var e = Fails("id,x\n1,2.5\n2,\"multi\nline 2\"\n3,abc\n", CsvOptions.Default with { ColumnKinds = kinds });
        Assert.AreEqual(3, e.Line);
        Assert.AreEqual("x", e.Column);
        Assert.AreEqual("multi\nline 2", e.Value);
        StringAssert.Contains(e.Message, "declared Numeric");
        StringAssert.Contains(e.Message, "MissingTokens");

        // Up to three words without a digit are missing values there (CsvOptions.WordsInNumbers), a fourth is an error.
        var words = CsvText.Read("x\n1\nunknown\n-\nn.a.\n2\n", CsvOptions.Default with { ColumnKinds = kinds });
        Assert.AreEqual(3, words.Numeric("x").MissingCount());
        Assert.AreEqual(6, Fails("x\n1\nunknown\n-\nn.a.\nnone\n", CsvOptions.Default with { ColumnKinds = kinds }).Line);
        Assert.AreEqual(3, Fails("x\n1\nunknown\n", CsvOptions.Default with { ColumnKinds = kinds, WordsInNumbers = false }).Line);
    }

    [TestMethod]
    public void TruncatedGzipIsAnErrorNotAShortTable()
    {
        var text = new StringBuilder("a,b\n");
        var random = new Random(4);
        for (var i = 0; i < 5000; i++) text.Append(random.Next()).Append(',').Append(random.NextDouble()).Append('\n');
        var gz = CsvText.Gzip(Encoding.UTF8.GetBytes(text.ToString()));
        Assert.AreEqual(5000, CsvText.ReadBytes(gz).RowCount);
        foreach (var cut in new[] { gz.Length - 4, gz.Length / 2 })
        {
            var e = Assert.Throws<DataFormatException>(() => CsvText.ReadBytes(gz[..cut], name: "d.csv.gz"), $"cut at {cut}");
            StringAssert.Contains(e.Message, "gzip");
            Assert.AreEqual("d.csv.gz", e.File);
        }
    }

    [TestMethod]
    public void InvalidOptionsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => CsvText.Read("a\n1\n", CsvOptions.Default with { Separator = '"' }));
        Assert.Throws<ArgumentException>(() => CsvText.Read("a\n1\n", CsvOptions.Default with { MaxCategories = 0 }));
    }
}
