using System.Globalization;
using System.Text;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.IO;

namespace Pipelines.Tests.IO;

[TestClass]
public sealed class CsvReaderTests
{
    [TestMethod]
    public void InfersNumericCategoricalAndTextPerColumn()
    {
        var rows = Enumerable.Range(0, 60).Select(i => $"{i * 0.5},{(i % 3 == 0 ? "red" : "blue")},note number {i}");
        var frame = CsvText.Read("x,color,note\n" + string.Join("\n", rows) + "\n");
        Assert.AreEqual(60, frame.RowCount);
        Assert.AreEqual(ColumnKind.Numeric, frame["x"].Kind);
        Assert.AreEqual(ColumnKind.Categorical, frame["color"].Kind);
        Assert.AreEqual(ColumnKind.Text, frame["note"].Kind); // 60 distinct > max(50, half of 60)
        Assert.AreEqual(29.5f, frame.Numeric("x")[59]);
        CollectionAssert.AreEqual(new[] { "red", "blue" }, frame.Categorical("color").Categories.ToArray());
        Assert.AreEqual("note number 7", ((TextColumn)frame["note"])[7]);
    }

    [TestMethod]
    public void QuotedFieldsKeepSeparatorsNewlinesAndDoubledQuotes()
    {
        var frame = CsvText.Read("id,comment\n1,\"a, b\"\n2,\"line one\nline two\"\n3,\"she said \"\"hi\"\"\"\n4,plain\n",
            CsvOptions.Default with { ColumnKinds = new Dictionary<string, ColumnKind> { ["comment"] = ColumnKind.Text } });
        var comment = (TextColumn)frame["comment"];
        Assert.AreEqual(4, frame.RowCount);
        Assert.AreEqual("a, b", comment[0]);
        Assert.AreEqual("line one\nline two", comment[1]);
        Assert.AreEqual("she said \"hi\"", comment[2]);
        Assert.AreEqual("plain", comment[3]);
    }

    [TestMethod]
    public void ErrorLinesCountNewlinesInsideQuotes()
    {
        // Record 2 spans physical lines 3-4, so the bad row is on physical line 5.
        var e = Assert.Throws<Pipelines.Errors.DataFormatException>(() => CsvText.Read("a,b\n1,x\n2,\"p\nq\"\n3\n"));
        Assert.AreEqual(5, e.Line);
    }

    [TestMethod]
    public void ByteOrderMarkIsDropped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("first,second\n1,2\n")).ToArray();
        var frame = CsvText.ReadBytes(bytes);
        CollectionAssert.AreEqual(new[] { "first", "second" }, frame.Names.ToArray());
        Assert.AreEqual(1f, frame.Numeric("first")[0]);
    }

    [TestMethod]
    public void CrlfAndLoneCrLineEndsAreAccepted()
    {
        var crlf = CsvText.Read("a,b\r\n1,2\r\n3,4\r\n");
        var cr = CsvText.Read("a,b\r1,2\r3,4");
        foreach (var frame in new[] { crlf, cr })
        {
            Assert.AreEqual(2, frame.RowCount);
            CollectionAssert.AreEqual(new[] { 2f, 4f }, frame.Numeric("b").ToArray());
        }
    }

    [TestMethod]
    public void DefaultMissingTokensBecomeNaNAndQuotedTokensAreLiteral()
    {
        var frame = CsvText.Read("x,y\n1,a\n,b\nNA,c\nN/A,d\nNaN,e\nnan,f\n?,g\nnull,h\nNULL,i\nNone,j\n2,\"NA\"\n3,NA\n");
        var x = frame.Numeric("x");
        Assert.AreEqual(9, x.MissingCount());
        Assert.AreEqual(3f, x[11]);
        var y = frame.Categorical("y");
        Assert.AreEqual("NA", y.ValueAt(10));
        Assert.IsNull(y.ValueAt(11));
    }

    [TestMethod]
    public void A_spreadsheets_error_values_and_pandas_not_a_number_spellings_are_missing()
    {
        var frame = CsvText.Read("x\n1.5\n#DIV/0!\n#N/A\n#VALUE!\nn/a\n<NA>\n#REF!\n#NAME?\n#NUM!\n#NULL!\n-nan\n1.#QNAN\n2\n");
        var x = frame.Numeric("x");
        Assert.AreEqual(11, x.MissingCount(), "the column stays numeric, its error values missing");
        Assert.AreEqual(2f, x[12]);
    }

    [TestMethod]
    public void CustomMissingTokensReplaceTheDefaults()
    {
        var frame = CsvText.Read("x\n1\n-999\nNA\n", CsvOptions.Default with { MissingTokens = ["-999", "NA"] });
        Assert.IsTrue(frame["x"].IsMissing(1));
        Assert.IsTrue(frame["x"].IsMissing(2));
        var strict = CsvText.Read("x\n1\n\n?\n", CsvOptions.Default with { MissingTokens = [] });
        Assert.AreEqual(ColumnKind.Categorical, strict["x"].Kind); // '?' is now a value; the blank line is skipped
        Assert.AreEqual(2, strict.RowCount);
    }

    [TestMethod]
    public void WhitespaceAroundUnquotedFieldsIsTrimmedUnlessTurnedOff()
    {
        var trimmed = CsvText.Read("a , b\n 1 ,  x y \n", CsvOptions.Default with { ColumnKinds = new Dictionary<string, ColumnKind> { ["b"] = ColumnKind.Text } });
        CollectionAssert.AreEqual(new[] { "a", "b" }, trimmed.Names.ToArray());
        Assert.AreEqual(1f, trimmed.Numeric("a")[0]);
        Assert.AreEqual("x y", ((TextColumn)trimmed["b"])[0]);
        var quoted = CsvText.Read("a,b\n1, \" kept \" \n", CsvOptions.Default with { ColumnKinds = new Dictionary<string, ColumnKind> { ["b"] = ColumnKind.Text } });
        Assert.AreEqual(" kept ", ((TextColumn)quoted["b"])[0]);
        var raw = CsvText.Read("a,b\n1, x \n", CsvOptions.Default with { TrimWhitespace = false, ColumnKinds = new Dictionary<string, ColumnKind> { ["b"] = ColumnKind.Text } });
        Assert.AreEqual(" x ", ((TextColumn)raw["b"])[0]);
    }

    [TestMethod]
    public void DeclaredKindsOverrideInference()
    {
        var kinds = new Dictionary<string, ColumnKind> { ["zip"] = ColumnKind.Categorical, ["code"] = ColumnKind.Text, ["n"] = ColumnKind.Numeric };
        var frame = CsvText.Read("zip,code,n\n01234,7,1\n98765,8,NA\n01234,7,inf\n", CsvOptions.Default with { ColumnKinds = kinds });
        var zip = frame.Categorical("zip");
        CollectionAssert.AreEqual(new[] { "01234", "98765" }, zip.Categories.ToArray());
        Assert.AreEqual("7", ((TextColumn)frame["code"])[0]);
        CollectionAssert.AreEqual(new[] { 1f, float.NaN, float.PositiveInfinity }, frame.Numeric("n").ToArray());
    }

    [TestMethod]
    public void InfinitySpellingsParse()
    {
        var frame = CsvText.Read("x\ninf\n-inf\n+INF\nInfinity\n-Infinity\n1e3\n-2.5E-1\n");
        CollectionAssert.AreEqual(
            new[] { float.PositiveInfinity, float.NegativeInfinity, float.PositiveInfinity, float.PositiveInfinity, float.NegativeInfinity, 1000f, -0.25f },
            frame.Numeric("x").ToArray());
    }

    [TestMethod]
    public void NumbersWithTwoSpellingsKeepBothWhenTheColumnTurnsCategorical()
    {
        var frame = CsvText.Read("v\n1\n1.0\n2\n1\nNA\nlow\n1.0\n");
        var v = frame.Categorical("v");
        CollectionAssert.AreEqual(new[] { "1", "1.0", "2", "1", null, "low", "1.0" }, Enumerable.Range(0, 7).Select(v.ValueAt).ToArray());
    }

    [TestMethod]
    public void NumbersBeforeTheFirstWordArePreservedWhenTheColumnTurnsCategorical()
    {
        var frame = CsvText.Read("v\n3\n2\n3\nhigh\n2\n");
        var v = frame.Categorical("v");
        CollectionAssert.AreEqual(new[] { "3", "2", "3", "high", "2" }, Enumerable.Range(0, 5).Select(v.ValueAt).ToArray());
    }

    [TestMethod]
    public void LabelOptionSetsTheLabel()
    {
        var frame = CsvText.Read("a,y\n1,yes\n2,no\n", CsvOptions.Default with { Label = "y" });
        Assert.AreEqual("y", frame.LabelName);
        Assert.AreEqual(ColumnRole.Label, frame.RoleOf("y"));
    }

    [TestMethod]
    public void A_missing_label_lists_the_columns_and_names_the_one_that_differs_only_in_case()
    {
        var absent = Assert.ThrowsExactly<Pipelines.Errors.DataFormatException>(() => CsvText.Read("a,y\n1,yes\n", CsvOptions.Default with { Label = "z" }));
        StringAssert.Contains(absent.Message, "the header has no label column 'z'; columns present: 'a', 'y'");
        StringAssert.Contains(absent.Message, "Name one of the columns present as the label");
        var cased = Assert.ThrowsExactly<Pipelines.Errors.DataFormatException>(() => CsvText.Read("a,Churned \n1,yes\n", CsvOptions.Default with { Label = "churned" }));
        StringAssert.Contains(cased.Message, "The header has 'Churned' (names are matched exactly, case included): use that name");
    }

    [TestMethod]
    public void ColumnSubsetKeepsHeaderOrderAndTheLabel()
    {
        var frame = CsvText.Read("a,b,c,y\n1,2,3,4\n", CsvOptions.Default with { Columns = ["c", "a"], Label = "y" });
        CollectionAssert.AreEqual(new[] { "a", "c", "y" }, frame.Names.ToArray());
        Assert.AreEqual(3f, frame.Numeric("c")[0]);
    }

    [TestMethod]
    public void TsvByExtensionAndSniffedSemicolons()
    {
        var tsv = CsvText.Read("a\tb\n1,5\tx y\n", name: "data.tsv");
        var tsvCommas = CsvText.Read("length, cm\twidth, cm\tkind, name\n1\t2\tx\n", name: "data.tsv");
        CollectionAssert.AreEqual(new[] { "length, cm", "width, cm", "kind, name" }, tsvCommas.Names.ToArray(), "a .tsv's tabs win over commas in its names");
        CollectionAssert.AreEqual(new[] { "a", "b" }, tsv.Names.ToArray());
        Assert.AreEqual("1,5", tsv.Categorical("a").ValueAt(0));
        var sniffed = CsvText.Read("a;b;\"c;d\"\n1;2;3\n", CsvOptions.Default with { SniffSeparator = true });
        CollectionAssert.AreEqual(new[] { "a", "b", "c;d" }, sniffed.Names.ToArray());
        var tabs = CsvText.Read("a\tb\n1\t2\n", CsvOptions.Default with { SniffSeparator = true });
        CollectionAssert.AreEqual(new[] { "a", "b" }, tabs.Names.ToArray());
        var explicitPipe = CsvText.Read("a|b\n1|2\n", CsvOptions.Default with { Separator = '|' }, name: "x.tsv");
        Assert.AreEqual(2f, explicitPipe.Numeric("b")[0]);
    }

    [TestMethod]
    public void A_semicolon_file_is_sniffed_by_default_and_reads_decimal_commas()
    {
        // As a spreadsheet in a locale with decimal commas saves it: semicolons between fields, commas in numbers.
        var frame = CsvText.Read("price;size;note\n1,5;-2,25;a,b\n3;1.5;c\n;0,5;1,000,5\n");
        CollectionAssert.AreEqual(new[] { "price", "size", "note" }, frame.Names.ToArray());
        CollectionAssert.AreEqual(new[] { 1.5f, 3f, float.NaN }, frame.Numeric("price").Values.ToArray());
        CollectionAssert.AreEqual(new[] { -2.25f, 1.5f, 0.5f }, frame.Numeric("size").Values.ToArray(), "a point still reads as a point");
        Assert.AreEqual("1,000,5", frame.Categorical("note").ValueAt(2), "two commas are not a number");

        var commas = CsvText.Read("a,b\n\"1,5\",2\n");
        Assert.AreEqual("1,5", commas.Categorical("a").ValueAt(0), "in a comma-separated file a comma is not a decimal mark");
        var off = CsvText.Read("a;b\n1,5;2\n", CsvOptions.Default with { DecimalComma = false });
        Assert.AreEqual("1,5", off.Categorical("a").ValueAt(0));
        var declared = CsvText.Read("a;b\n1,5;2\n", CsvOptions.Default with { ColumnKinds = new Dictionary<string, ColumnKind> { ["a"] = ColumnKind.Numeric } });
        Assert.AreEqual(1.5f, declared.Numeric("a")[0]);
    }

    [TestMethod]
    public void Money_and_percent_columns_read_as_numbers_unless_turned_off()
    {
        var text = "income,share,code\n\"$12,500\",12.5%,A1\n950,3%,\"$5\"\n,\"1,000%\",B2\n";
        var frame = CsvText.Read(text);
        CollectionAssert.AreEqual(new[] { 12500f, 950f, float.NaN }, frame.Numeric("income").Values.ToArray());
        CollectionAssert.AreEqual(new[] { 12.5f, 3f, 1000f }, frame.Numeric("share").Values.ToArray());
        Assert.AreEqual("$5", frame.Categorical("code").ValueAt(1), "a column with words keeps every value as written");

        var off = CsvText.Read(text, CsvOptions.Default with { FormattedNumbers = false });
        Assert.AreEqual("$12,500", off.Categorical("income").ValueAt(0));
        Assert.AreEqual(ColumnKind.Categorical, off["share"].Kind);
        var declared = CsvText.Read(text, CsvOptions.Default with { ColumnKinds = new Dictionary<string, ColumnKind> { ["income"] = ColumnKind.Numeric } });
        Assert.AreEqual(12500f, declared.Numeric("income")[0]);
    }

    [TestMethod]
    public void A_ledgers_negatives_and_a_trailing_plus_read_as_the_numbers_they_mean()
    {
        var ledger = CsvText.Read("account,amount\ncash,\"$1,234.50\"\nfees,\"($250.00)\"\nrefund,(75)\n");
        CollectionAssert.AreEqual(new[] { 1234.5f, -250f, -75f }, ledger.Numeric("amount").Values.ToArray());
        var sap = CsvText.Read("Konto;Betrag\nKasse;1.234,50\nGebühr;250,00-\n");
        CollectionAssert.AreEqual(new[] { 1234.5f, -250f }, sap.Numeric("Betrag").Values.ToArray());
        // "Or more" as an app store counts installs and a rating writes ages.
        var store = CsvText.Read("installs,age,y\n\"10,000+\",18+,a\n500+,7+,b\n\"1,000,000+\",12,a\n");
        CollectionAssert.AreEqual(new[] { 10000f, 500f, 1e6f }, store.Numeric("installs").Values.ToArray());
        CollectionAssert.AreEqual(new[] { 18f, 7f, 12f }, store.Numeric("age").Values.ToArray());
        Assert.AreEqual(ColumnKind.Categorical, CsvText.Read("v,y\n+5+,a\n3,b\n")["v"].Kind, "one sign a number");
    }

    [TestMethod]
    public void A_typeset_minus_reads_as_a_minus_and_keeps_its_spelling_where_the_column_is_text()
    {
        // A Swedish export and a table copied from the web write the minus as U+2212.
        var notes = new List<string>();
        var swedish = CsvReader.Read(new MemoryStream("temp;y\n\u22123,5;a\n12,25;b\n\u22121 234,5;a\n"u8.ToArray()), "t.csv", null, notes);
        CollectionAssert.AreEqual(new[] { -3.5f, 12.25f, -1234.5f }, swedish.Numeric("temp").Values.ToArray());
        Assert.AreEqual("'temp' holds numbers written with a typeset minus, \u221212.5 (2 values), read as negative numbers; " +
            "it holds numbers written with currency, percent or thousands marks (1 value), read as numbers", notes.Single());
        var pasted = CsvText.Read("change,y\n\u22120.5%,a\n1.5e3,b\n\u22122e-3,a\n");
        CollectionAssert.AreEqual(new[] { -0.5f, 1500f, -0.002f }, pasted.Numeric("change").Values.ToArray());
        var codes = CsvText.Read("code,y\n\u22121,a\nA7,b\n");
        Assert.AreEqual(ColumnKind.Categorical, codes["code"].Kind);
        Assert.AreEqual("\u22121", codes["code"].FormatValue(0), "a column that is text keeps the value as written");
        Assert.AreEqual(ColumnKind.Categorical, CsvText.Read("t,y\n\u22123.5,a\n2,b\n", CsvOptions.Default with { FormattedNumbers = false })["t"].Kind);
        var declared = CsvText.Read("t,y\n\u22123.5,a\n", CsvOptions.Default with { ColumnKinds = new Dictionary<string, ColumnKind> { ["t"] = ColumnKind.Numeric } });
        Assert.AreEqual(-3.5f, declared.Numeric("t")[0], "as a model's rows to predict read it");
        // A magnitude after it, as a net change in views: the number it stands for, and kept as written where the column is text.
        var views = CsvText.Read("net,y\n\u22125K,a\n12K,b\n1.5M,a\n300,b\n");
        CollectionAssert.AreEqual(new[] { -5000f, 12000f, 1.5e6f, 300f }, views.Numeric("net").Values.ToArray());
        var words = CsvText.Read("net,y\n\u22125K,a\nnone,b\nmore,a\n");
        Assert.AreEqual("\u22125K", words["net"].FormatValue(0));
    }

    [TestMethod]
    public void Numbers_with_magnitudes_read_as_the_numbers_they_stand_for_and_one_magnitude_alone_as_a_unit()
    {
        // An app store's sizes and a video site's views: magnitudes beside each other or beside plain numbers.
        var notes = new List<string>();
        var conventions = new ColumnConventions();
        var apps = CsvReader.Read(new MemoryStream("size,views,price,y\n19M,999,$1.2M,a\n201k,1.5K,$500K,b\n8.7M,3.4 M,$2B,a\n"u8.ToArray()),
            "t.csv", null, notes, conventions);
        CollectionAssert.AreEqual(new[] { 19e6f, 201e3f, 8.7e6f }, apps.Numeric("size").Values.ToArray());
        CollectionAssert.AreEqual(new[] { 999f, 1500f, 3.4e6f }, apps.Numeric("views").Values.ToArray());
        CollectionAssert.AreEqual(new[] { 1.2e6f, 5e5f, 2e9f }, apps.Numeric("price").Values.ToArray());
        CollectionAssert.AreEquivalent(new[] { "size", "views", "price" }, conventions.Magnitudes.ToArray());
        Assert.AreEqual("'size' holds numbers written with magnitudes (k: thousands, M: millions; 3 values), read as the numbers they stand for", notes[0]);
        // A store's word for no size is a missing value where the column has numbers enough (CsvOptions.WordsInNumbers).
        var sizes = CsvText.Read("size,y\n" + string.Concat(Enumerable.Range(1, 30).Select(i => $"{i}M,a\n{i * 10}k,b\n")) + "Varies with device,a\n");
        Assert.AreEqual(60, sizes.Numeric("size").Values.ToArray().Count(v => !float.IsNaN(v)));
        Assert.IsTrue(sizes["size"].IsMissing(60));
        CollectionAssert.AreEqual(new[] { 1e6f, 5e5f, 100f }, CsvText.Read("installs,y\n1M+,a\n500K+,b\n100+,a\n").Numeric("installs").Values.ToArray(), "or more");
        var german = CsvText.Read("Umsatz;y\n1,2M;a\n950k;b\n");
        CollectionAssert.AreEqual(new[] { 1.2e6f, 950e3f }, german.Numeric("Umsatz").Values.ToArray(), "a decimal comma before the magnitude");

        // One magnitude alone is a unit, as 998 CC is, unless the model's rows wrote magnitudes.
        var megabytes = "size,y\n19M,a\n2.5M,b\n";
        Assert.AreEqual(19f, CsvText.Read(megabytes).Numeric("size")[0]);
        var kept = new ColumnConventions { Magnitudes = { "size" } };
        Assert.AreEqual(19e6f, CsvText.Read(megabytes, CsvOptions.Default with { Conventions = kept }).Numeric("size")[0]);
        Assert.AreEqual(ColumnKind.Categorical, CsvText.Read("flat,y\n5B,a\n3A,b\n")["flat"].Kind, "a letter that is no magnitude");
        Assert.AreEqual(ColumnKind.Categorical, CsvText.Read("v,y\n19M,a\n201k,b\n", CsvOptions.Default with { FormattedNumbers = false })["v"].Kind);
    }

    [TestMethod]
    public void NA_among_codes_is_the_code_and_elsewhere_a_missing_value()
    {
        // Sales regions as a spreadsheet writes them: NA is North America, and an empty cell is what is missing.
        var notes = new List<string>();
        var regions = CsvReader.Read(new MemoryStream("region,x,y\nNA,1,a\nEU,2,b\nAPAC,3,a\n,4,b\nNA,5,a\n"u8.ToArray()), "t.csv", null, notes);
        CollectionAssert.AreEqual(new[] { "NA", "EU", "APAC", null, "NA" }, Enumerable.Range(0, 5).Select(r => regions["region"].IsMissing(r) ? null : regions["region"].FormatValue(r)).ToArray());
        CollectionAssert.Contains(notes, "'region' holds 'NA' among codes (EU, APAC; 2 values), read as the code NA rather than as a missing value");

        // R writes its text quoted and its missing values as a bare NA; among words NA is missing too; and in numbers.
        Assert.IsTrue(CsvText.Read("country,y\n\"US\",a\nNA,b\n\"DE\",a\n")["country"].IsMissing(1));
        Assert.IsTrue(CsvText.Read("city,y\nParis,a\nNA,b\nRome,a\n")["city"].IsMissing(1));
        Assert.IsTrue(CsvText.Read("x,y\n1.5,a\nNA,b\n2,a\n")["x"].IsMissing(1));
    }

    [TestMethod]
    public void Numbers_grouped_as_each_country_writes_them_read_as_numbers()
    {
        // Prices in lakhs as an Indian listing writes them, and amounts grouped by spaces as a French export does.
        var indian = CsvText.Read("price,y\n\"₹ 4,50,000\",a\n\"12,34,567\",b\n\"95,000\",a\n");
        CollectionAssert.AreEqual(new[] { 450000f, 1234567f, 95000f }, indian.Numeric("price").Values.ToArray());
        var french = CsvText.Read("montant;y\n1 234,50;a\n12 500;b\n-3,25;a\n");
        CollectionAssert.AreEqual(new[] { 1234.5f, 12500f, -3.25f }, french.Numeric("montant").Values.ToArray());
        Assert.AreEqual(ColumnKind.Categorical, CsvText.Read("code,y\n12 34,a\n56 78,b\n")["code"].Kind, "pairs of digits are no groups of thousands");
        // Currencies in letters, as exports and other countries write them.
        var usd = CsvText.Read("amount,y\n\"USD 1,234.00\",a\n\"1,500.25 USD\",b\nUSD-5,a\n");
        CollectionAssert.AreEqual(new[] { 1234f, 1500.25f, -5f }, usd.Numeric("amount").Values.ToArray());
        var brazil = CsvText.Read("preço;y\nR$ 1.234,56;a\nR$ 99,90;b\n");
        CollectionAssert.AreEqual(new[] { 1234.56f, 99.9f }, brazil.Numeric("preço").Values.ToArray());
        var nordic = CsvText.Read("belopp;y\n1 234,50 kr;a\n99,00 kr;b\n");
        CollectionAssert.AreEqual(new[] { 1234.5f, 99f }, nordic.Numeric("belopp").Values.ToArray());
        var swiss = CsvText.Read("Betrag,y\nCHF 1'234.50,a\nCHF 99.00,b\n");
        CollectionAssert.AreEqual(new[] { 1234.5f, 99f }, swiss.Numeric("Betrag").Values.ToArray());
        Assert.AreEqual(ColumnKind.Categorical, CsvText.Read("code,y\n\"ABC 1,234\",a\nXYZ 99,b\n")["code"].Kind, "letters that are no currency");
        var mixed = new List<string>();
        CsvReader.Read(new MemoryStream("amount,y\n$5,a\n€7,b\nUSD 9,a\n"u8.ToArray()), "t.csv", null, mixed);
        CollectionAssert.Contains(mixed, "'amount' holds money in 3 currencies ($, €, USD), read as written: convert them to one currency for the model to compare them; " +
            "it holds numbers written with currency, percent or thousands marks (3 values), read as numbers");

        // A model's rows in dollars: a row in another currency is no number of that column, wherever the currency stands.
        var dollars = new ColumnConventions { Units = { ["amount"] = "USD" } };
        var declared = CsvOptions.Default with { Conventions = dollars, ColumnKinds = new Dictionary<string, ColumnKind> { ["amount"] = ColumnKind.Numeric } };
        CollectionAssert.AreEqual(new[] { 99f, 1234f, 5f }, CsvText.Read("amount\n99 USD\n\"1,234.00 USD\"\nUSD 5\n", declared).Numeric("amount").Values.ToArray());
        foreach (var other in new[] { "99 EUR", "EUR 99", "$99" })
            Assert.Throws<DataFormatException>(() => CsvText.Read($"amount\n{other}\n", declared), other);
    }

    [TestMethod]
    public void Points_between_thousands_beside_decimal_commas_are_decided_by_the_whole_column()
    {
        // A German spreadsheet's export: 1.234 before the row that tells (1.234,5) reads as 1234 all the same.
        var notes = new List<string>();
        var conventions = new ColumnConventions();
        var text = "Betrag;Menge;Preis;Dichte;y\n1.234;1.500;12,5;0.125;a\n1.234,5;2;1.000;1.5;b\n-12.345.678;3;7,25;2.718;a\n;4;;0.5;b\n";
        var german = CsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "t.csv", CsvOptions.Default with { Label = "y" }, notes, conventions);
        CollectionAssert.AreEqual(new[] { 1234f, 1234.5f, -12345678f, float.NaN }, german.Numeric("Betrag").Values.ToArray());
        CollectionAssert.AreEqual(new[] { 12.5f, 1000f, 7.25f, float.NaN }, german.Numeric("Preis").Values.ToArray(), "1.000 beside decimal commas groups thousands");
        CollectionAssert.AreEqual(new[] { 1.5f, 2f, 3f, 4f }, german.Numeric("Menge").Values.ToArray(), "nothing in the column tells: 1.500 stays as written");
        CollectionAssert.AreEqual(new[] { 0.125f, 1.5f, 2.718f, 0.5f }, german.Numeric("Dichte").Values.ToArray(), "points that group nothing are decimal points");
        CollectionAssert.AreEquivalent(new[] { "Betrag", "Preis" }, conventions.PointsGroupThousands.ToArray());
        CollectionAssert.Contains(notes, "'Betrag' holds numbers written with currency, percent or thousands marks (2 values; points between thousands and a decimal comma (1.234,5), so 1.234 reads as 1234), read as numbers");
        CollectionAssert.Contains(notes, "'Preis' holds numbers with points between thousands and a decimal comma (1.234,5), so 1.234 reads as 1234", "told by 1.234 beside decimal commas alone");
        // A point that groups nothing beside one that does: the column's points are not read as groups.
        var mixed = CsvText.Read("x;y\n1.234,5;a\n1.234;b\n1.5;a\n");
        CollectionAssert.AreEqual(new[] { 1234.5f, 1.234f, 1.5f }, mixed.Numeric("x").Values.ToArray());
        // Formatted numbers off: no mark groups digits, so 1.234 beside a decimal comma stays as written.
        var plain = CsvText.Read("x;y\n1.234;a\n12,5;b\n", CsvOptions.Default with { FormattedNumbers = false });
        CollectionAssert.AreEqual(new[] { 1.234f, 12.5f }, plain.Numeric("x").Values.ToArray());
        // With commas between thousands a point is the decimal mark, as ever.
        CollectionAssert.AreEqual(new[] { 1.234f, 1234.5f }, CsvText.Read("x,y\n1.234,a\n\"1,234.5\",b\n").Numeric("x").Values.ToArray());

        // Rows read later for a model of that column: one row of 1.234 reads as 1234 among decimal commas, and as
        // written in a file of decimal points; a point that groups nothing there is an error naming its line.
        var known = new CsvOptions { Conventions = conventions };
        Assert.AreEqual(1234f, CsvText.Read("Betrag;y\n1.234;a\n", known).Numeric("Betrag")[0]);
        Assert.AreEqual(1.234f, CsvText.Read("Betrag,y\n1.234,a\n", known).Numeric("Betrag")[0]);
        var e = Assert.Throws<DataFormatException>(() => CsvText.Read("Betrag;y\n1.234;a\n2.5;b\n", known));
        Assert.AreEqual(3, e.Line);
        StringAssert.Contains(e.Message, "this value has a point that does not group thousands");
    }

    [TestMethod]
    public void A_few_words_in_a_column_of_numbers_are_missing_values_and_the_reader_says_so()
    {
        var lines = new List<string> { "income,floor,mixed,y" };
        for (var row = 0; row < 40; row++)
        {
            var amount = row switch { 3 or 17 => "unknown", 9 => "-", _ => (1_000 + 37 * row).ToString(CultureInfo.InvariantCulture) };
            var floor = row == 5 ? "ground" : (row % 4).ToString(CultureInfo.InvariantCulture);
            var mixed = row == 7 ? "n.a.7" : row.ToString(CultureInfo.InvariantCulture);
            lines.Add($"{amount},{floor},{mixed},{(row == 2 ? "unknown" : row % 2)}");
        }
        var notes = new List<string>();
        var frame = CsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines))), "t.csv", CsvOptions.Default with { Label = "y" }, notes);
        var income = frame.Numeric("income");
        Assert.AreEqual(3, income.MissingCount());
        Assert.IsTrue(income.IsMissing(3) && income.IsMissing(9) && income.IsMissing(17));
        Assert.AreEqual(1_000f + 37 * 4, income[4]);
        Assert.AreEqual(ColumnKind.Categorical, frame["floor"].Kind, "four distinct numbers are codes of categories, and the word one of them");
        Assert.AreEqual("ground", frame.Categorical("floor").ValueAt(5));
        Assert.AreEqual(ColumnKind.Categorical, frame["mixed"].Kind, "a value with a digit is no word for a missing number");
        Assert.AreEqual(ColumnKind.Categorical, frame["y"].Kind, "the label keeps its words as classes");
        CollectionAssert.AreEqual(new[] { "'income' holds numbers and 'unknown' (2 rows), '-' (1 row), read as missing values" }, notes);

        var off = CsvText.Read(string.Join("\n", lines), CsvOptions.Default with { WordsInNumbers = false });
        Assert.AreEqual(ColumnKind.Categorical, off["income"].Kind);
        var fourWords = CsvText.Read("x\n" + string.Join("\n", Enumerable.Range(0, 30).Select(i => i.ToString(CultureInfo.InvariantCulture))) + "\na\nb\nc\nd\n");
        Assert.AreEqual(ColumnKind.Categorical, fourWords["x"].Kind, "a fourth word makes the words categories");
        Assert.AreEqual("d", fourWords.Categorical("x").ValueAt(33));
        var manyNumbers = CsvText.Read("x\n" + string.Join("\n", Enumerable.Range(0, 80).Select(i => i.ToString(CultureInfo.InvariantCulture))) + "\nnone\nx1\n",
            CsvOptions.Default with { MaxCategories = 10 });
        Assert.AreEqual(ColumnKind.Text, manyNumbers["x"].Kind, "past the category ceiling the column is text");
        Assert.AreEqual("none", ((TextColumn)manyNumbers["x"])[80], "the word keeps its spelling in text");
    }

    [TestMethod]
    public void Numbers_in_one_unit_read_as_numbers_and_two_units_stay_as_written()
    {
        var notes = new List<string>();
        var text = "engine,mileage,power,grade,y\n1248 CC,23.4 kmpl,74bhp,7A,1 star\n998 CC,20.1 km/kg,67.1bhp,7B,2 stars\n,19 kmpl,NA,8A,1 star\n";
        var frame = CsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "t.csv", CsvOptions.Default with { Label = "y" }, notes);
        CollectionAssert.AreEqual(new[] { 1248f, 998f, float.NaN }, frame.Numeric("engine").Values.ToArray());
        CollectionAssert.AreEqual(new[] { 74f, 67.1f, float.NaN }, frame.Numeric("power").Values.ToArray());
        Assert.AreEqual(ColumnKind.Categorical, frame["mileage"].Kind, "kmpl and km/kg do not compare");
        Assert.AreEqual(ColumnKind.Categorical, frame["grade"].Kind, "7A and 7B are grades, not sevens");
        Assert.AreEqual(ColumnKind.Categorical, frame["y"].Kind, "the label keeps its values");
        CollectionAssert.AreEqual(new[] { "'engine' holds numbers in 'CC', read without the unit", "'power' holds numbers in 'bhp', read without the unit" }, notes);

        var off = CsvText.Read(text, CsvOptions.Default with { NumbersWithUnits = false });
        Assert.AreEqual("1248 CC", off.Categorical("engine").ValueAt(0));
        Assert.AreEqual(ColumnKind.Categorical, CsvText.Read("w\n5 kg\n7\n")["w"].Kind, "a value without the unit keeps the column as written");

        // Words without a digit are missing values there too, as among plain numbers and dates.
        notes.Clear();
        var words = CsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("w,d\n5 kg,2024-01-02\nunknown,unknown\n7 kg,-\n")), "t.csv", null, notes);
        CollectionAssert.AreEqual(new[] { 5f, float.NaN, 7f }, words.Numeric("w").Values.ToArray());
        Assert.IsTrue(words["d.days"].IsMissing(1) && words["d.days"].IsMissing(2));
        CollectionAssert.AreEqual(new[] { "'w' holds numbers in 'kg', read without the unit, and 'unknown' (1 row) as missing values",
            "'d' holds dates, read as d.year, d.month, d.day, d.weekday, d.days, and 'unknown' (1 row), '-' (1 row) as missing values" }, notes);
    }

    [TestMethod]
    public void A_reports_title_above_the_header_and_notes_below_the_table_are_left_out_and_lines_stay_the_files_own()
    {
        // As a spreadsheet exports a report: a title, a date, a blank line, then the table.
        var text = "Umsatzbericht 2024;;\nStand: 31.12.2024;;\n;;\nKunde;Umsatz;Region\nK1;1.234,50;Nord\nK2;99,00;Süd\n";
        var notes = new List<string>();
        var frame = CsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "t.csv", CsvOptions.Default, notes);
        CollectionAssert.AreEqual(new[] { "Kunde", "Umsatz", "Region" }, frame.Names.ToArray());
        CollectionAssert.AreEqual(new[] { 1234.5f, 99f }, frame.Numeric("Umsatz").Values.ToArray());
        CollectionAssert.Contains(notes, "the table's header is line 4; the 3 lines above it, a title ('Umsatzbericht 2024', 'Stand: 31.12.2024'), left out");
        // Quotes where a spreadsheet puts them: around a title with a comma, around money in the rows.
        var quoted = CsvText.Read("\"Sales, by region\",,\nregion,amount,y\nnorth,\"$1,234.50\",a\nsouth,\"$99.00\",b\n");
        CollectionAssert.AreEqual(new[] { 1234.5f, 99f }, quoted.Numeric("amount").Values.ToArray());
        var ragged = Assert.Throws<DataFormatException>(() => CsvText.Read("Sales report\nx,y\n1,a\n2,b,extra\n"));
        Assert.AreEqual(4, ragged.Line, "errors count the file's lines, title included");
        var path = Path.Combine(CsvText.TempDirectory(), "titled.csv");
        File.WriteAllText(path, "Sales report\n\nx,y\n1,a\n,,\n2,b\n");
        Assert.AreEqual(6L, CsvReader.LineOf(path, 1), "the row after the title, the header and a row of empty cells");

        // Notes below the table are left out as far as the file's end; one before a row of the table is a short row.
        var noted = new List<string>();
        var sourced = CsvReader.Read(new MemoryStream("x,y\n1,a\n2,b\n\nSource: Statistisches Bundesamt\n\"* preliminary, as of May\"\n"u8.ToArray()), "t.csv", CsvOptions.Default, noted);
        Assert.AreEqual(2, sourced.RowCount);
        CollectionAssert.Contains(noted, "the 2 lines below the table, notes ('Source: Statistisches Bundesamt', '* preliminary, as of May'), left out");
        var inside = Assert.Throws<DataFormatException>(() => CsvText.Read("x,y\n1,a\nSource: the office\n2,b\n"));
        Assert.AreEqual(3, inside.Line);
        StringAssert.Contains(inside.Message, "the row has 1 field(s) but the header has 2");
        Assert.AreEqual(3, Assert.Throws<DataFormatException>(() => CsvText.Read("x,y\n1,a\n5\n")).Line, "a number alone is a short row, not a note");
        // As a spreadsheet exports them, a note in the first column with the row's other cells empty.
        noted.Clear();
        var exported = CsvReader.Read(new MemoryStream("Betrag;Region;y\n12,5;Nord;a\n7,25;Süd;b\n;;\nQuelle: Statistisches Bundesamt;;\n"u8.ToArray()), "t.csv", CsvOptions.Default, noted);
        CollectionAssert.AreEqual(new[] { 12.5f, 7.25f }, exported.Numeric("Betrag").Values.ToArray(), "the column stays numeric");
        CollectionAssert.Contains(noted, "the line below the table, notes ('Quelle: Statistisches Bundesamt'), left out");
        noted.Clear();
        var city = CsvReader.Read(new MemoryStream("city,x,y\nNew York,,\nSan Jose,,\nBoston,2,b\nLos Angeles,,\nSource: the census,,\n"u8.ToArray()), "t.csv", null, noted);
        // A row holding only words in its first value is a row where rows of the table follow it, and among the notes
        // where none does: there the file alone cannot tell it from a note, and the log names it.
        Assert.AreEqual(3, city.RowCount);
        CollectionAssert.AreEqual(new[] { "New York", "San Jose", "Boston" }, Enumerable.Range(0, 3).Select(r => city["city"].FormatValue(r)).ToArray());
        CollectionAssert.Contains(noted, "the 2 lines below the table, notes ('Los Angeles', 'Source: the census'), left out");
        // A run of such rows longer than notes run is the table's to its end, however it ends: no row is lost.
        noted.Clear();
        var sparse = CsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("name,x,y\nalpha,1,a\n" + string.Concat(Enumerable.Range(1, 60).Select(i => $"item {i},,\n")))), "t.csv", null, noted);
        Assert.AreEqual(61, sparse.RowCount);
        Assert.AreEqual("item 60", sparse["name"].FormatValue(60));
        Assert.IsEmpty(noted, string.Join(" | ", noted));
        // After such a run, a row of the table ends it, and notes below that row are notes again.
        noted.Clear();
        var ended = CsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("name,x,y\n" + string.Concat(Enumerable.Range(1, 30).Select(i => $"item {i},,\n")) + "omega,2,b\nSource: the census,,\n")), "t.csv", null, noted);
        Assert.AreEqual(31, ended.RowCount);
        CollectionAssert.Contains(noted, "the line below the table, notes ('Source: the census'), left out");

        // Not a title: a one-column file, a header of numbers (years), a title with the table's separator in it.
        CollectionAssert.AreEqual(new[] { "x" }, CsvText.Read("x\n1\n2\n").Names.ToArray());
        Assert.Throws<DataFormatException>(() => CsvText.Read("Sales\n2023,2024\n1,2\n"));
        Assert.Throws<DataFormatException>(() => CsvText.Read("Sales, by region\nx;y;z\n1;2;3\n"));
        Assert.Throws<DataFormatException>(() => CsvText.Read("Sales report\nx,y\n1,a\n", CsvOptions.Default with { SkipReportLines = false }));
    }

    [TestMethod]
    public void A_header_of_two_rows_groups_above_names_reads_as_the_joined_names_and_lines_stay_the_files_own()
    {
        // A pivot table's export: each quarter's merged cell spans its two columns.
        var notes = new List<string>();
        var text = "region,Q1,,Q2,,y\n,sales,units,sales,units,\nnorth,10,1,12,2,a\nsouth,20,2,22,3,b\n";
        var frame = CsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "t.csv", CsvOptions.Default, notes);
        CollectionAssert.AreEqual(new[] { "region", "Q1 sales", "Q1 units", "Q2 sales", "Q2 units", "y" }, frame.Names.ToArray());
        CollectionAssert.AreEqual(new[] { 12f, 22f }, frame.Numeric("Q2 sales").Values.ToArray());
        CollectionAssert.Contains(notes, "the table's header is lines 1 and 2, groups above names, read as 'region', 'Q1 sales', 'Q1 units', 'Q2 sales', 'Q2 units', 'y'");
        var path = Path.Combine(CsvText.TempDirectory(), "pivot.csv");
        File.WriteAllText(path, text);
        Assert.AreEqual(4L, CsvReader.LineOf(path, 1), "the second row is line 4");

        // Groups that are years, under a title: the year row is the header's first row, not a row of the table.
        notes.Clear();
        var years = CsvReader.Read(new MemoryStream("Sales by region\nregion,2022,,2023,\n,sales,units,sales,units\nnorth,10,1,12,2\nsouth,20,2,22,3\n"u8.ToArray()),
            "t.csv", CsvOptions.Default, notes);
        CollectionAssert.AreEqual(new[] { "region", "2022 sales", "2022 units", "2023 sales", "2023 units" }, years.Names.ToArray());
        CollectionAssert.AreEqual(new[] { 12f, 22f }, years.Numeric("2023 sales").Values.ToArray());
        Assert.HasCount(2, notes, string.Join(" | ", notes));

        // Not two rows of header: a pandas index column, a first row of words, the option off.
        CollectionAssert.AreEqual(new[] { "", "a", "b" }, CsvHeader.Fields(new CsvTokenizer(CsvInput.Open(new MemoryStream(",a,b\n0,1,2\n"u8.ToArray()), "t.csv"), "t.csv", true), true)!);
        Assert.Throws<DataFormatException>(() => CsvText.Read("name,Q1,\n,first,last\nr1,Ann,Lee\n"), "a row of words under the header is a row");
        Assert.Throws<DataFormatException>(() => CsvText.Read(text, CsvOptions.Default with { SkipReportLines = false }));
    }

    [TestMethod]
    public void A_unit_the_reader_reports_reads_later_rows_written_with_it_or_without_it()
    {
        var found = new ColumnConventions();
        CsvReader.Read(new MemoryStream("engine,power,y\n1248 CC,74bhp,a\n998 CC,67.1bhp,b\n"u8.ToArray()), "t.csv", CsvOptions.Default with { Label = "y" }, null, found);
        CollectionAssert.AreEquivalent(new[] { KeyValuePair.Create("engine", "CC"), KeyValuePair.Create("power", "bhp") }, found.Units.ToArray());

        // Rows read later for the model: the unit or none, in one column.
        var notes = new List<string>();
        var options = CsvOptions.Default with { Conventions = new ColumnConventions { Units = { ["engine"] = "CC" } } };
        var later = CsvReader.Read(new MemoryStream("engine\n998 CC\n1197\n1.5CC\n"u8.ToArray()), "t.csv", options, notes);
        CollectionAssert.AreEqual(new[] { 998f, 1197f, 1.5f }, later.Numeric("engine").Values.ToArray());
        Assert.AreEqual("'engine' holds numbers in 'CC' as the rows the model was fitted on did (2 values), read without the unit", notes.Single());

        // Another unit is no number in the model's: the column stays as written, never those numbers in the wrong unit.
        var litres = CsvText.Read("engine\n1.2 L\n1.5 L\n", options);
        Assert.AreEqual(ColumnKind.Categorical, litres["engine"].Kind);
        var declared = options with { ColumnKinds = new Dictionary<string, ColumnKind> { ["engine"] = ColumnKind.Numeric } };
        CollectionAssert.AreEqual(new[] { 998f, 5f, float.NaN }, CsvText.Read("engine\n998 CC\n5\nunknown\n", declared).Numeric("engine").Values.ToArray(),
            "a declared kind reads the unit too, and a word as a missing value");
        var e = Assert.ThrowsExactly<DataFormatException>(() => CsvText.Read("engine\n998 CC\n1.2 L\n", declared));
        Assert.AreEqual("1.2 L", e.Value);
    }

    [TestMethod]
    public void A_spreadsheets_unnamed_empty_columns_and_empty_rows_are_left_out()
    {
        // As a spreadsheet exports a sheet with formatted but empty cells: trailing separators and a row of them.
        var frame = CsvText.Read("a,b,,\r\n1,x,,\r\n,,,\r\n2,y,,\r\n,,,\r\n");
        CollectionAssert.AreEqual(new[] { "a", "b" }, frame.Names.ToArray());
        CollectionAssert.AreEqual(new[] { 1f, 2f }, frame.Numeric("a").Values.ToArray());

        var kept = CsvText.Read("a,b,,\n1,x,,\n,,,\n", CsvOptions.Default with { SkipEmptyRows = false });
        Assert.AreEqual(2, kept.RowCount);
        Assert.IsTrue(kept["a"].IsMissing(1));
        Assert.AreEqual(2, CsvText.Read("a,b\n1,2\n,\"\"\n").RowCount, "a quoted empty field was written on purpose");
    }

    [TestMethod]
    public void GzipIsRecognizedByMagicBytesOrName()
    {
        var gz = CsvText.Gzip(Encoding.UTF8.GetBytes("a,b\n1,x\n2,y\n"));
        foreach (var name in new[] { "data.csv", "data.csv.gz" })
        {
            var frame = CsvText.ReadBytes(gz, name: name);
            Assert.AreEqual(2, frame.RowCount, name);
            Assert.AreEqual("y", frame.Categorical("b").ValueAt(1));
        }
        var tsvGz = CsvText.ReadBytes(CsvText.Gzip(Encoding.UTF8.GetBytes("a\tb\n1\t2\n")), name: "d.tsv.gz");
        Assert.AreEqual(2f, tsvGz.Numeric("b")[0]);
    }

    [TestMethod]
    public void HeaderOnlyGivesZeroRows()
    {
        var frame = CsvText.Read("a,b\n");
        Assert.AreEqual(0, frame.RowCount);
        CollectionAssert.AreEqual(new[] { "a", "b" }, frame.Names.ToArray());
    }

    [TestMethod]
    public void BlankLinesAreSkipped()
    {
        var frame = CsvText.Read("a,b\n\n1,2\r\n\r\n3,4\n\n");
        CollectionAssert.AreEqual(new[] { 1f, 3f }, frame.Numeric("a").ToArray());
    }

    [TestMethod]
    public void TrailingEmptyFieldIsMissing()
    {
        var frame = CsvText.Read("a,b\n1,\n2,3");
        CollectionAssert.AreEqual(new[] { float.NaN, 3f }, frame.Numeric("b").ToArray());
    }

    [TestMethod]
    public void InvalidUtf8IsReplacedNotRejected()
    {
        var bytes = Encoding.UTF8.GetBytes("a\nok\nbad\n").ToList();
        bytes.Insert(bytes.Count - 2, 0xFF);
        var frame = CsvText.ReadBytes([.. bytes]);
        Assert.AreEqual("ba\uFFFDd", frame.Categorical("a").ValueAt(1));
    }

    [TestMethod]
    public void RecordsAndFieldsLargerThanTheReadWindowAreIntact()
    {
        var big = new string('x', 200_000);
        var builder = new StringBuilder("id,s\n");
        for (var i = 0; i < 30_000; i++) builder.Append(i).Append(",\"q").Append(i % 7).Append("\r\n,\"\"z\"\"\"\n");
        builder.Append("30000,\"").Append(big).Append("\"\n");
        var frame = CsvText.Read(builder.ToString(), CsvOptions.Default with { ColumnKinds = new Dictionary<string, ColumnKind> { ["s"] = ColumnKind.Text } });
        Assert.AreEqual(30_001, frame.RowCount);
        var s = (TextColumn)frame["s"];
        Assert.AreEqual("q3\r\n,\"z\"", s[29_999 - 29_999 % 7 + 3]);
        Assert.AreEqual(big, s[30_000]);
        Assert.AreEqual(29_999f, frame.Numeric("id")[29_999]);
    }
}
