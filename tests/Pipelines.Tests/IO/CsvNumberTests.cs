using System.Globalization;
using Pipelines.IO;

namespace Pipelines.Tests.IO;

[TestClass]
public sealed class CsvNumberTests
{
    private static void AgreesWithFloatParse(string text)
    {
        Assert.IsTrue(CsvNumber.TryParse(text, out var ours), text);
        var reference = float.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        Assert.AreEqual(BitConverter.SingleToInt32Bits(reference), BitConverter.SingleToInt32Bits(ours), text);
    }

    [TestMethod]
    public void FastPathMatchesTheRuntimeParserBitForBit()
    {
        var random = new Random(7);
        for (var i = 0; i < 200_000; i++)
        {
            var digits = random.Next(1, 19);
            var chars = new char[digits];
            for (var d = 0; d < digits; d++) chars[d] = (char)('0' + random.Next(10));
            var s = new string(chars);
            var point = random.Next(0, digits + 1);
            if (point < digits) s = s[..point] + "." + s[point..];
            if (random.Next(3) == 0) s = "-" + s;
            AgreesWithFloatParse(s);
        }
    }

    [TestMethod]
    public void MidpointsBetweenFloatsAreRoundedToEven()
    {
        // 16777217 = 2^24 + 1 lies exactly between two floats; so do these scaled forms.
        foreach (var s in new[] { "16777217", "16777219", "1.6777217", "0.16777217", "-16777217.0", "33554434", "0", "-0", "1.", ".5", "+7" })
            AgreesWithFloatParse(s);
        Assert.IsTrue(CsvNumber.TryParsePlainDecimal("1.25", out _));
        Assert.IsFalse(CsvNumber.TryParsePlainDecimal("1e5", out _));
        Assert.IsFalse(CsvNumber.TryParsePlainDecimal("16777217", out _)); // the double-rounding guard sends it to the general parser
    }

    [TestMethod]
    public void NonNumbersAreRejected()
    {
        foreach (var s in new[] { "", "-", ".", "1.2.3", "1,5", "abc", "0x10", "1e", "--1" })
            Assert.IsFalse(CsvNumber.TryParse(s, out _), s);
    }

    [TestMethod]
    public void The_values_without_a_digit_that_parse_are_infinity_and_NaN_only()
    {
        foreach (var text in new[] { "inf", "-inf", "+Infinity", "INFINITY", "NaN", "-nan" })
        {
            Assert.IsTrue(CsvNumber.IsNonFinite(text), text);
            Assert.IsTrue(CsvNumber.TryParse(text, out _), text);
        }
        foreach (var text in new[] { "unknown", "-", "in", "nana", "", "+" })
        {
            Assert.IsFalse(CsvNumber.IsNonFinite(text), text);
            Assert.IsFalse(CsvNumber.TryParse(text, out _), text);
        }
    }

    [TestMethod]
    public void Currency_percent_and_thousands_marks_read_as_the_number_written()
    {
        var read = new (string Text, float Value)[]
        {
            ("$1,234.50", 1234.5f), ("-$5", -5f), ("$-5", -5f), ("$ 12", 12f), ("12 €", 12f), ("€3.5", 3.5f), ("£0.99", 0.99f),
            ("¥1,000", 1000f), ("₹ 450", 450f), ("₩12,000", 12000f), ("12.5%", 12.5f), ("-3 %", -3f), ("1,234,567", 1234567f), ("+1,000.25", 1000.25f),
            ("1 234", 1234f), ("1\u00A0234\u00A0567.5", 1234567.5f), ("-12\u202F345", -12345f), ("1'234'567", 1234567f),
            ("₹12,34,567", 1234567f), ("1,00,000", 100000f), ("12,34,56,789.5", 123456789.5f),
            ("USD 5", 5f), ("USD1,234.50", 1234.5f), ("1,234.50 EUR", 1234.5f), ("US$ 12", 12f), ("CHF 1'234.50", 1234.5f), ("(GBP 75)", -75f),
        };
        foreach (var (text, value) in read)
        {
            Assert.IsTrue(CsvNumber.TryParseFormatted(text, decimalComma: false, out var parsed), text);
            Assert.AreEqual(value, parsed, text);
        }
        foreach (var text in new[] { "1,23", "1,2345", ",123", "1234,567", "1,234.5.6", "$", "%", "12", "1.5", "$1e5", "$NaN", "$inf",
                     "--$5", "-$-5", "$5$", "12%%", "1,234a", "ABC 5", "usd 5", "USDX 5", "12 34", "1 2345", "1,234 567", "1,00,00", "1'00'000", "1 00 000", "1,234.", " 1 23" })
            Assert.IsFalse(CsvNumber.TryParseFormatted(text, decimalComma: false, out _), text);

        Assert.IsTrue(CsvNumber.TryParseFormatted("12,50 €", decimalComma: true, out var euros));
        Assert.AreEqual(12.5f, euros);
        Assert.IsTrue(CsvNumber.TryParseFormatted("7,5%", decimalComma: true, out var share));
        Assert.AreEqual(7.5f, share);
        Assert.IsFalse(CsvNumber.TryParseFormatted("1,234", decimalComma: true, out _), "a decimal comma never groups digits; without a mark it is no formatted number");
        Assert.IsFalse(CsvNumber.TryParseFormatted("$1,234,5", decimalComma: true, out _));
        foreach (var (text, value) in new[] { ("1 234 567,8", 1234567.8f), ("1 234,5", 1234.5f), ("-12 345 €", -12345f), ("1'234,50", 1234.5f),
                     ("1.234.567,8", 1234567.8f), ("-12.345 €", -12345f), ("1.234", 1234f) })
        {
            Assert.IsTrue(CsvNumber.TryParseFormatted(text, decimalComma: true, out var grouped), text);
            Assert.AreEqual(value, grouped, text);
        }
        foreach (var text in new[] { "1,234.567", "1.23,5", "12,34,567", "1.234 567,8", "0.125", "1.5", "1.2345,6" })
            Assert.IsFalse(CsvNumber.TryParseFormatted(text, decimalComma: true, out _), text);
        Assert.IsFalse(CsvNumber.TryParseFormatted("0,125", decimalComma: false, out _), "no group of thousands starts with 0");
    }

    [TestMethod]
    public void Negatives_written_as_ledgers_write_them_read_as_negative_numbers()
    {
        foreach (var (text, value) in new[] { ("(1,234.50)", -1234.5f), ("($5)", -5f), ("$(5)", -5f), ("(12.5%)", -12.5f), ("( 7 )", -7f), ("1,234.50-", -1234.5f), ("5-", -5f), ("$5-", -5f) })
        {
            Assert.IsTrue(CsvNumber.TryParseFormatted(text, decimalComma: false, out var parsed), text);
            Assert.AreEqual(value, parsed, text);
        }
        Assert.IsTrue(CsvNumber.TryParseFormatted("1.234,50-", decimalComma: true, out var debit));
        Assert.AreEqual(-1234.5f, debit);
        foreach (var text in new[] { "(-5)", "-(5)", "-5-", "(5", "5)", "()", "(5)-", "-", "(a)" })
            Assert.IsFalse(CsvNumber.TryParseFormatted(text, decimalComma: false, out _), text);
    }

    [TestMethod]
    public void Point_thousands_are_four_to_six_digits_with_a_point_before_the_last_three()
    {
        foreach (var text in new[] { "1.234", "-45.000", "+999.999", "10.500" })
            Assert.IsTrue(CsvNumber.IsPointThousands(text), text);
        foreach (var text in new[] { "0.125", "1.5", "1.2345", "1234.567", "1.234.567", "1.234,5", ".123", "1.", "12", "a.123", "1.23a" })
            Assert.IsFalse(CsvNumber.IsPointThousands(text), text);
    }
}
