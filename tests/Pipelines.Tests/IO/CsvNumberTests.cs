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
}
