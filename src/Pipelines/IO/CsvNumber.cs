using System.Buffers;
using System.Globalization;

namespace Pipelines.IO;

/// <summary>Culture-invariant number parsing from spans (no string per field).</summary>
internal static class CsvNumber
{
    private const NumberStyles Style = NumberStyles.Float;
    private const ulong ExactInDouble = 1UL << 53;

    private static readonly double[] PowersOfTen =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    /// <summary>
    /// Parses <paramref name="text"/> as <see cref="float.Parse(string, NumberStyles, IFormatProvider)"/> would with
    /// <see cref="NumberStyles.Float"/> and the invariant culture; also accepts <c>inf</c>, <c>+inf</c> and <c>-inf</c>
    /// in any case, as NumPy and pandas write them.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out float value)
    {
        if (TryParsePlainDecimal(text, out value)) return true;
        if (float.TryParse(text, Style, CultureInfo.InvariantCulture, out value)) return true;
        var sign = 1f;
        var body = text;
        if (body.Length > 0 && body[0] is '+' or '-')
        {
            sign = body[0] == '-' ? -1f : 1f;
            body = body[1..];
        }
        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase))
        {
            value = sign * float.PositiveInfinity;
            return true;
        }
        value = 0;
        return false;
    }

    /// <summary>
    /// Whether <paramref name="text"/> is a spelling of infinity or NaN that <see cref="TryParse"/> reads as a number
    /// (<c>inf</c>, <c>-Infinity</c>, <c>NaN</c>, any case): the values without a digit that are numbers.
    /// </summary>
    public static bool IsNonFinite(ReadOnlySpan<char> text)
    {
        var body = text.Trim();
        if (body.Length > 0 && body[0] is '+' or '-') body = body[1..];
        return body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase)
            || body.Equals("nan", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Parses a number written with a decimal comma (<c>-1,5</c>): one comma and no point, read as if the comma were a
    /// point. Anything else (a point, two commas, no comma) is not such a number.
    /// </summary>
    public static bool TryParseDecimalComma(ReadOnlySpan<char> text, out float value)
    {
        value = 0;
        var comma = text.IndexOf(',');
        if (comma < 0 || text.Length > 64 || text[(comma + 1)..].Contains(',') || text.Contains('.')) return false;
        Span<char> pointed = stackalloc char[text.Length];
        text.CopyTo(pointed);
        pointed[comma] = '.';
        return TryParse(pointed, out value);
    }

    /// <summary>
    /// Parses a number written as people format them for reading: a negative one in parentheses (<c>(1,234.50)</c>,
    /// <c>($5)</c>, <c>$(5)</c>) or with its minus after it (<c>1.234,50-</c>), as ledgers write debits; a plus after it,
    /// "or more" (<c>10,000+</c> reads as 10000); a currency before or after it (<c>$</c>, <c>€</c>,
    /// <c>£</c>, <c>¥</c>, <c>₹</c> and the rest of Unicode's currency symbols; <c>$1,234.50</c>, <c>-$5</c>, <c>$-5</c>,
    /// <c>12,50 €</c>; or in letters, <c>USD 1,234.00</c>, <c>R$ 99,90</c>, <c>1 234,50 kr</c>), a percent sign after it (<c>12.5%</c>
    /// reads as 12.5, the number as written), or marks between the whole part's groups of digits: when
    /// <paramref name="decimalComma"/> is off, commas (<c>1,234,567.8</c>, or in lakhs and crores <c>12,34,567</c>), spaces
    /// (<c>1 234 567</c>, also no-break and narrow ones) or apostrophes (<c>1'234'567</c>); when it is on, spaces or
    /// apostrophes or points (<c>1 234,5</c>, <c>1.234,5</c>), the comma being the decimal mark
    /// (<see cref="TryParseDecimalComma"/>; <c>1.234</c> alone is a plain number to <see cref="TryParse"/>, so whether a
    /// column's points group thousands is the column's to decide: see <see cref="IsPointThousands"/>).
    /// One kind of group mark per number; groups of three digits after a first of one to three, not starting with 0
    /// (commas in lakhs: twos, then a last three). At least one mark must be there (a plain number is
    /// <see cref="TryParse"/>'s), the digits carry no exponent, and a misplaced group mark (<c>1,23</c>, <c>12 34</c>,
    /// <c>0,125</c>) makes no such number.
    /// </summary>
    public static bool TryParseFormatted(ReadOnlySpan<char> text, bool decimalComma, out float value) =>
        TryParseFormatted(text, decimalComma, out value, out _);

    /// <summary>
    /// <see cref="TryParseFormatted(ReadOnlySpan{char}, bool, out float)"/>, and the currency the number was written
    /// with (<c>$</c>, <c>USD</c>; empty for none).
    /// </summary>
    public static bool TryParseFormatted(ReadOnlySpan<char> text, bool decimalComma, out float value, out ReadOnlySpan<char> currency)
    {
        value = 0;
        currency = default;
        var s = text.Trim();
        if (s.Length is 0 or > 64) return false;
        var marked = false;
        var negative = false;
        var signed = false;
        bool Sign(ref ReadOnlySpan<char> rest)
        {
            if (rest.Length == 0 || rest[0] is not ('-' or '+')) return true;
            if (signed) return false;
            signed = true;
            negative = rest[0] == '-';
            rest = rest[1..];
            return true;
        }
        // An accountant's negative: the number in parentheses, inside or outside its currency sign.
        bool Parenthesized(ref ReadOnlySpan<char> rest)
        {
            if (rest.Length < 3 || rest[0] != '(' || rest[^1] != ')') return true;
            if (signed) return false;
            signed = negative = marked = true;
            rest = rest[1..^1].Trim();
            return true;
        }
        if (!Parenthesized(ref s) || !Sign(ref s)) return false;
        if (CurrencyBefore(s) is > 0 and var before)
        {
            marked = true;
            currency = s[..before];
            s = s[before..].TrimStart();
            if (!Parenthesized(ref s) || !Sign(ref s)) return false;
        }
        else if (CurrencyAfter(s) is > 0 and var after)
        {
            marked = true;
            currency = s[^after..];
            s = s[..^after].TrimEnd();
        }
        if (s.Length > 0 && s[^1] == '%')
        {
            marked = true;
            s = s[..^1].TrimEnd();
        }
        // A minus after the number, as SAP and other ledgers write a debit (1.234,50-), or a plus, "or more" as app
        // stores and ratings write it (10,000+, 18+).
        if (s.Length > 1 && s[^1] is '-' or '+')
        {
            if (signed) return false;
            signed = marked = true;
            negative = s[^1] == '-';
            s = s[..^1].TrimEnd();
        }
        if (s.Length == 0 || s.ContainsAnyExcept(DigitsAndMarks)) return false;

        // The whole part's digits, ungrouped, then the fraction's after a point: the invariant spelling to parse.
        var decimalMark = decimalComma ? ',' : '.';
        var at = s.IndexOf(decimalMark);
        var whole = at < 0 ? s : s[..at];
        var fraction = at < 0 ? [] : s[(at + 1)..];
        if (at >= 0 && (fraction.Length == 0 || fraction.ContainsAnyExcept(Digits))) return false;
        Span<char> plain = stackalloc char[s.Length + 1];
        var n = 0;
        if (whole.IndexOfAnyExcept(Digits) is var mark and >= 0)
        {
            if (mark == 0 || !Grouped(whole, whole[mark], lakhs: !decimalComma && whole[mark] == ',')) return false;
            marked = true;
        }
        foreach (var c in whole)
        {
            if (char.IsAsciiDigit(c)) plain[n++] = c;
        }
        if (at >= 0)
        {
            plain[n++] = '.';
            fraction.CopyTo(plain[n..]);
            n += fraction.Length;
        }
        if (!TryParsePlainDecimal(plain[..n], out var number) && !float.TryParse(plain[..n], Style, CultureInfo.InvariantCulture, out number)) return false;
        if (!marked) return false;
        value = negative ? -number : number;
        return true;
    }

    /// <summary>
    /// Whether <paramref name="text"/> is a whole number of four to six digits with a point before its last three
    /// (<c>1.234</c>, <c>-45.000</c>): a plain decimal to <see cref="TryParse"/>, and a thousand times that where points
    /// group thousands (<c>1.234,5</c> in the same column).
    /// </summary>
    public static bool IsPointThousands(ReadOnlySpan<char> text)
    {
        if (text.Length > 0 && text[0] is '-' or '+') text = text[1..];
        var point = text.IndexOf('.');
        return point is >= 1 and <= 3 && text.Length == point + 4 && text[0] != '0' && !text[..point].ContainsAnyExcept(Digits)
            && !text[(point + 1)..].ContainsAnyExcept(Digits);
    }

    /// <summary>
    /// Splits a magnitude off the end of <paramref name="text"/>, as apps and web pages count and size things
    /// (<c>201k</c>, <c>19M</c>, <c>$1.2B</c>, <c>3.4 K</c>: k or K a thousand, M a million, G or B a billion, T a trillion,
    /// after an optional space, then optionally a plus for "or more", <c>1M+</c>): the number before it and what the
    /// magnitude multiplies it by; false where <paramref name="text"/> ends in no magnitude after a digit.
    /// </summary>
    public static bool TrySplitMagnitude(ReadOnlySpan<char> text, out ReadOnlySpan<char> number, out char magnitude, out double multiplier)
    {
        number = default;
        if (text.Length > 2 && text[^1] == '+') text = text[..^1];
        magnitude = text.Length > 1 ? text[^1] : '\0';
        multiplier = Multiplier(magnitude);
        if (multiplier == 0) return false;
        number = text[..^1];
        if (number[^1] == ' ') number = number[..^1];
        return number.Length > 0 && char.IsAsciiDigit(number[^1]);
    }

    /// <summary>What a magnitude <see cref="TrySplitMagnitude"/> accepts multiplies a number by; 0 for any other character.</summary>
    public static double Multiplier(char magnitude) => Magnitude(magnitude).Multiplier;

    /// <summary>What a magnitude <see cref="TrySplitMagnitude"/> accepts stands for, in words.</summary>
    public static string MagnitudeName(char magnitude) => Magnitude(magnitude).Name;

    /// <summary>The magnitudes a number may end in, and what each stands for; (0, "") for any other character.</summary>
    private static (double Multiplier, string Name) Magnitude(char magnitude) => magnitude switch
    {
        'k' or 'K' => (1e3, "thousands"),
        'M' => (1e6, "millions"),
        'G' or 'B' => (1e9, "billions"),
        'T' => (1e12, "trillions"),
        _ => (0, ""),
    };

    private static readonly SearchValues<char> DigitsAndMarks = SearchValues.Create("0123456789.,' \u00A0\u202F");
    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    /// <summary>A currency sign (Unicode's currency symbols block and the older signs before it: $, £, ¥, €, ₹, ₩, ₽ ...).</summary>
    private static bool IsCurrency(char c) => c is '$' or '£' or '¥' or '¢' or (>= '\u20A0' and <= '\u20CF');

    /// <summary>
    /// Currencies written in letters, as exports and other countries write them: ISO 4217 codes (<c>USD 1,234.00</c>,
    /// <c>1.234,56 EUR</c>) and local abbreviations (<c>R$ 99,90</c>, <c>1 234,50 kr</c>, <c>CHF 1'234.50</c>), longest
    /// first so that <c>US$</c> is not read as <c>$</c> after letters.
    /// </summary>
    private static readonly string[] CurrencyWords = [.. new[]
    {
        "USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "NZD", "CNY", "RMB", "HKD", "SGD", "INR", "BRL", "MXN", "SEK", "NOK", "DKK",
        "ISK", "PLN", "CZK", "HUF", "RON", "BGN", "RUB", "UAH", "TRY", "ZAR", "NGN", "KES", "EGP", "KRW", "TWD", "THB", "IDR", "MYR",
        "PHP", "VND", "PKR", "ILS", "AED", "SAR", "ARS", "CLP", "COP", "PEN",
        "US$", "R$", "C$", "A$", "NZ$", "HK$", "S$", "kr.", "kr", "zł", "Kč", "Ft", "lei", "Fr.", "Rs.", "Rs",
    }.OrderByDescending(w => w.Length)];

    /// <summary>How many characters of <paramref name="s"/>'s start are a currency: a sign, or a word of <see cref="CurrencyWords"/> before a digit, space, sign or parenthesis; 0 for none.</summary>
    private static int CurrencyBefore(ReadOnlySpan<char> s)
    {
        if (s.Length > 0 && IsCurrency(s[0])) return 1;
        foreach (var word in CurrencyWords)
        {
            if (s.Length > word.Length && s.StartsWith(word, StringComparison.Ordinal) && s[word.Length] is ' ' or '-' or '(' or (>= '0' and <= '9')) return word.Length;
        }
        return 0;
    }

    /// <summary>How many characters of <paramref name="s"/>'s end are a currency: a sign, or a word of <see cref="CurrencyWords"/> after a digit or space; 0 for none.</summary>
    private static int CurrencyAfter(ReadOnlySpan<char> s)
    {
        if (s.Length > 0 && IsCurrency(s[^1])) return 1;
        foreach (var word in CurrencyWords)
        {
            if (s.Length > word.Length && s.EndsWith(word, StringComparison.Ordinal) && s[^(word.Length + 1)] is ' ' or (>= '0' and <= '9')) return word.Length;
        }
        return 0;
    }

    /// <summary>
    /// Whether <paramref name="whole"/> is digits in groups split by <paramref name="mark"/> alone: groups of three after
    /// a first of one to three or, with <paramref name="lakhs"/>, groups of two after a first of one or two and before a
    /// last of three (<c>12,34,567</c>).
    /// </summary>
    private static bool Grouped(ReadOnlySpan<char> whole, char mark, bool lakhs)
    {
        // Lengths only, as the groups go by: every value of a money column comes here.
        int count = 0, first = 0, last = 0;
        bool middleThrees = true, middleTwos = true;
        foreach (var range in whole.Split(mark))
        {
            var group = whole[range];
            if (group.Length == 0 || group.ContainsAnyExcept(Digits)) return false;
            if (count == 0) first = group.Length;
            // The group before this one was neither the first nor the last.
            if (count >= 2)
            {
                middleThrees &= last == 3;
                middleTwos &= last == 2;
            }
            last = group.Length;
            count++;
        }
        if (count < 2 || last != 3 || whole[0] == '0') return false;
        return (first <= 3 && middleThrees) || (lakhs && first <= 2 && middleTwos);
    }

    /// <summary>
    /// Fast path for the common spelling <c>[-+]digits[.digits]</c> with at most 18 digits: the digits form an integer
    /// m below 2^53 and the point a power of ten 10^k with k ≤ 22, both exact in double, so m / 10^k is the correctly
    /// rounded double. Rounding that double to float is correct unless it sits exactly on a midpoint between two
    /// floats (double rounding); that rare case, and every other spelling, goes to the general parser.
    /// Results are never subnormal floats: the smallest nonzero value is 10^-22.
    /// </summary>
    internal static bool TryParsePlainDecimal(ReadOnlySpan<char> text, out float value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (text.Length > 0 && text[0] is '-' or '+')
        {
            negative = text[0] == '-';
            i = 1;
        }
        ulong mantissa = 0;
        var digits = 0;
        var fraction = -1;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            var d = (uint)(c - '0');
            if (d <= 9)
            {
                if (++digits > 18) return false;
                mantissa = mantissa * 10 + d;
                if (fraction >= 0) fraction++;
            }
            else if (c == '.' && fraction < 0)
            {
                fraction = 0;
            }
            else
            {
                return false;
            }
        }
        if (digits == 0 || mantissa > ExactInDouble) return false;
        var scale = Math.Max(fraction, 0);
        if (scale >= PowersOfTen.Length) return false;
        var exact = mantissa / PowersOfTen[scale];
        var bits = BitConverter.DoubleToInt64Bits(exact);
        if ((bits & 0x1FFF_FFFF) == 0x1000_0000) return false;
        value = negative ? -(float)exact : (float)exact;
        return true;
    }
}
