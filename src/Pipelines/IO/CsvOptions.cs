using Pipelines.Data;

namespace Pipelines.IO;

/// <summary>
/// How <see cref="CsvReader"/> reads and <see cref="CsvWriter"/> writes delimited text. Immutable: change it with <c>with</c>.
/// </summary>
/// <remarks>
/// <para>Format rules (RFC 4180 plus common practice):</para>
/// <list type="bullet">
/// <item>The first row is always the header. An empty file is an error; a header with no rows gives a 0-row frame.</item>
/// <item>Fields may be quoted with <c>"</c>; inside quotes the separator, CR and LF are literal and <c>""</c> is one quote.
/// A quote inside an unquoted field is kept as a literal character.</item>
/// <item>Lines end with LF, CRLF or CR. Completely blank lines are skipped, and so are rows of empty fields only
/// (<see cref="SkipEmptyRows"/>).</item>
/// <item>A header field may be empty only when its column is empty on every row (a spreadsheet's trailing separators);
/// such a column is left out of the frame. An unnamed column with a value is an error naming the value's line.</item>
/// <item>Input is UTF-8, with or without a byte order mark. Invalid UTF-8 bytes are replaced by U+FFFD rather than rejected,
/// so one bad byte in a free-text column does not stop a load.</item>
/// <item>Input whose name ends in <c>.gz</c>, or which starts with the gzip magic bytes, is decompressed on the fly.</item>
/// </list>
/// </remarks>
public sealed record CsvOptions
{
    /// <summary>
    /// The tokens that mean "missing" by default: empty, NA, N/A, n/a, NaN, nan, -NaN, -nan, ?, null, NULL, None, &lt;NA&gt;,
    /// the not-a-number spellings pandas also reads as missing (#N/A, #N/A N/A, #NA, 1.#IND, -1.#IND, 1.#QNAN, -1.#QNAN),
    /// and a spreadsheet's error values (#DIV/0!, #VALUE!, #REF!, #NAME?, #NUM!, #NULL!), which hold no value and would
    /// otherwise turn a column of numbers into one of categories. Where every other value of a column is a code of two
    /// to five capital letters, unquoted (<c>EU</c>, <c>APAC</c>, <c>US</c>), an unquoted NA is the code (North America,
    /// Namibia), not missing, and the model keeps that (<see cref="ColumnConventions.NACodes"/>); R's exports, which
    /// quote their text, keep NA missing.
    /// </summary>
    public static IReadOnlyList<string> DefaultMissingTokens { get; } =
    [
        "", "NA", "N/A", "n/a", "NaN", "nan", "-NaN", "-nan", "?", "null", "NULL", "None", "<NA>",
        "#N/A", "#N/A N/A", "#NA", "1.#IND", "-1.#IND", "1.#QNAN", "-1.#QNAN",
        "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!",
    ];

    /// <summary>Default options: the separator sniffed from the header, default missing tokens, trimming on, types inferred.</summary>
    public static CsvOptions Default { get; } = new();

    /// <summary>
    /// Field separator. Null (the default) means: chosen from the header line (<see cref="SniffSeparator"/>), or with
    /// sniffing off, tab when the file name ends in <c>.tsv</c> or <c>.tab</c> (optionally followed by <c>.gz</c>),
    /// otherwise comma.
    /// </summary>
    public char? Separator { get; init; }

    /// <summary>
    /// When <see cref="Separator"/> is null, choose the separator from the header line: the most frequent of
    /// comma, tab, semicolon and pipe outside quotes (comma on a tie or when none occurs). On by default, so a file
    /// saved by a spreadsheet in a locale whose lists use semicolons reads as it is.
    /// </summary>
    public bool SniffSeparator { get; init; } = true;

    /// <summary>
    /// Whether a number may be written with a decimal comma (<c>1,5</c>; a value with one comma and no point). Null (the
    /// default) means: when the separator is a semicolon, the convention of the spreadsheets that write such files (and
    /// of R's read.csv2). A point then groups thousands in a column whose values tell so (<c>1.234,5</c>,
    /// <c>1.234.567</c>, or <c>1.234</c> beside <c>12,5</c>) and no value has a point that groups nothing (<c>1.5</c>):
    /// there <c>1.234</c> reads as 1234 wherever it stands, and the column keeps the convention
    /// (<see cref="ColumnConventions.PointsGroupThousands"/>). Elsewhere a value with a point reads as it always does.
    /// </summary>
    public bool? DecimalComma { get; init; }

    /// <summary>
    /// Whether numbers formatted for reading count as numbers: a ledger's negatives (<c>(1,234.50)</c>, <c>250,00-</c>),
    /// a typeset minus (U+2212, <c>−12.5</c>), a plus for "or more" (<c>10,000+</c>), a magnitude (<c>201k</c>,
    /// <c>19M</c>, <c>1.2B</c>: a column whose every value has one and the same reads as numbers in that unit, see
    /// <see cref="NumbersWithUnits"/>, unless the rows a model was fitted on wrote magnitudes, see
    /// <see cref="ColumnConventions.Magnitudes"/>), a currency (<c>$1,234.50</c>, <c>12,50 €</c>, <c>USD 1,234.00</c>, <c>R$ 99,90</c>), a
    /// percent sign (<c>12.5%</c> reads as 12.5) or marks between groups of digits: commas between thousands or lakhs
    /// (<c>1,234,567</c>, <c>12,34,567</c>) in a file without decimal commas, points in one with them (<c>1.234,50</c>;
    /// see <see cref="DecimalComma"/>), spaces or apostrophes in either (<c>1 234 567</c>, <c>1 234,50</c>; see
    /// <see cref="CsvNumber.TryParseFormatted(ReadOnlySpan{char}, bool, out float)"/>).
    /// On by default, so a spreadsheet's money and percent columns are numbers rather than text with a
    /// category per row; off, such a value makes its column categorical or text.
    /// </summary>
    public bool FormattedNumbers { get; init; } = true;

    /// <summary>
    /// Whether a column of numbers may hold up to three words standing for a missing value (<c>unknown</c>, <c>-</c>,
    /// <c>not recorded</c>: values without a digit) and stay numeric, those rows missing. It stays numeric only where it
    /// has at least 20 distinct numbers besides (or more than <see cref="MaxCategories"/>, past which they are not
    /// counted); with fewer, its values are codes of categories and the words categories too. A column declared Numeric
    /// in <see cref="ColumnKinds"/> takes such words whatever its numbers (so rows read for a model fitted on such a
    /// column read alike), and a fourth word or a value with a digit is an error there. Without this a single such word
    /// makes a column of measurements categorical, or text a model ignores. On by default; never for the label.
    /// </summary>
    public bool WordsInNumbers { get; init; } = true;

    /// <summary>Most distinct words a column of numbers, dates or numbers with a unit holds as missing values (<see cref="WordsInNumbers"/>).</summary>
    internal const int MaxWordsInNumbers = 3;

    /// <summary>
    /// Whether a column whose every value is a number followed by one and the same unit (<c>1248 CC</c>, <c>23.4 kmpl</c>,
    /// <c>74bhp</c>: up to 12 letters or slashes, after an optional space) reads as those numbers, keeping its name; the
    /// log says which unit was dropped. Values in two units, or some without one, keep the column as written, since the
    /// numbers would not compare. Once a value fits, up to three words without a digit are missing values there, as
    /// with <see cref="WordsInNumbers"/>. On by default; never for the label or a column whose kind is declared. A column
    /// whose unit <see cref="Conventions"/> gives reads values in that unit or without one as numbers, declared or not,
    /// and a value in another unit as a value that is no number.
    /// </summary>
    public bool NumbersWithUnits { get; init; } = true;

    /// <summary>
    /// Whether a column whose every value is a date (<c>2024-01-31</c>, <c>2024/01/31</c>, <c>31-Jan-2024</c>,
    /// <c>Jan 31, 2024</c> with English month names, <c>31/01/2024</c>, <c>1/31/2024</c>, <c>31.01.2024</c>,
    /// <c>1/31/24</c>, <c>24/01/31</c>, with or without a time such as <c>13:05:09</c> or <c>1:05 PM</c>) becomes numeric columns a model can learn from: <c>name.year</c>,
    /// <c>name.month</c>, <c>name.day</c>, <c>name.weekday</c> (Monday 0 to Sunday 6), <c>name.days</c> (days since
    /// 1970-01-01, the time as a fraction) and, where a value has a time, <c>name.hour</c>; a column of clock times alone
    /// (<c>08:30</c>, <c>1:05 PM</c>) becomes <c>name.hour</c>, hours since midnight. Otherwise such a column is a
    /// category or text per value, which no model generalizes from. Dates written as three numbers are read in the
    /// column's order in <see cref="Conventions"/>, else in the order the values tell (a first number above 12 is a day;
    /// with two-digit years, first or last, the year is the one above 31, else the one taking at most half as many values
    /// as the other); a column where no value tells stays as written. On by default; never for the label, for a column
    /// whose kind is declared, or where the header already has one of those names. Once a value is a date, up to three
    /// words without a digit are missing values there, as with <see cref="WordsInNumbers"/>.
    /// </summary>
    public bool DateParts { get; init; } = true;

    /// <summary>
    /// The worksheet to read, by name (any case), when the file is an Excel workbook (<see cref="WorkbookText"/>); null
    /// reads the first. Naming a sheet of a delimited text file is an error.
    /// </summary>
    public string? Sheet { get; init; }

    /// <summary>
    /// How the file a model was fitted on wrote its columns, as the reader reported it: dates written as three numbers are read in the
    /// order given for their column (see <see cref="DateParts"/>), so that rows to predict read alike however few they are
    /// (<c>3/4/2024</c> alone tells no order), and a column given a unit reads each value written in that unit, or
    /// without one, as a number (see <see cref="NumbersWithUnits"/>), and where a column's points grouped thousands, in a
    /// file of decimal commas <c>1.234</c> there reads as 1234 and <c>1.5</c> is an error (see <see cref="DecimalComma"/>).
    /// Columns not named here are read as the values tell.
    /// </summary>
    public ColumnConventions? Conventions { get; init; }

    /// <summary>The column whose date part <paramref name="name"/> is (<c>signup</c> for <c>signup.month</c>; see <see cref="DateParts"/>), or null.</summary>
    public static string? DateColumnOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var dot = name.LastIndexOf('.');
        return dot > 0 && CsvDate.Parts.Contains(name[(dot + 1)..]) ? name[..dot] : null;
    }

    /// <summary>
    /// Whether the lines a spreadsheet report puts around its table are left out. Above it, a title (<c>Sales report
    /// 2024</c>, a date, blank lines), the header being the table's first row: only where each such line holds no more
    /// than its first field, the line after them two or more names, none a number, and the row after that as many
    /// fields (read as the header, those lines would make the file fail to read). Below it, notes (<c>Source: ...</c>):
    /// lines after the last row, up to the end of the file, whose first field holds words and whose other fields, if
    /// any, are empty, as a spreadsheet exports a note in its first column (before a row of the table, a line of one
    /// field is a short row, an error, and one of a row's width a row). And a header of two rows as a pivot table writes
    /// one, groups above names (<c>region,Q1,,Q2,</c> over <c>,sales,units,sales,units</c>), reads as the joined names
    /// (<c>Q1 sales</c>, <c>Q1 units</c>), where the second row names what the first leaves empty, none of its names a
    /// number, and the row after it has numbers under them. The log names the lines left out or joined; errors keep the
    /// file's own line numbers. On by default.
    /// </summary>
    public bool SkipReportLines { get; init; } = true;

    /// <summary>
    /// Whether a row whose every field is empty (<c>,,,</c>, as spreadsheets write a blank row) is skipped like a blank
    /// line. On by default; a reader whose rows must match the file's row for row (predictions written beside it) turns
    /// it off, and such a row is then a row of missing values.
    /// </summary>
    public bool SkipEmptyRows { get; init; } = true;

    /// <summary>
    /// Field texts that mean a missing value, compared exactly (case-sensitive) after trimming.
    /// They apply to unquoted fields; a quoted field is missing only when it is empty (<c>""</c>), so a quoted
    /// <c>"NA"</c> is the literal text NA. The writer relies on this to round-trip such texts.
    /// </summary>
    public IReadOnlyList<string> MissingTokens { get; init; } = DefaultMissingTokens;

    /// <summary>Remove spaces and tabs around unquoted fields (and around the quotes of quoted fields). On by default.</summary>
    public bool TrimWhitespace { get; init; } = true;

    /// <summary>
    /// Column kinds that replace inference, by column name. A value that breaks a declared Numeric kind is an error
    /// naming its line (up to three words without a digit are missing values there, see <see cref="WordsInNumbers"/>);
    /// a declared Categorical column keeps every distinct value however many there are.
    /// </summary>
    public IReadOnlyDictionary<string, ColumnKind>? ColumnKinds { get; init; }

    /// <summary>Name of the label column; the frame gets it as its label. It must be in the header.</summary>
    public string? Label { get; init; }

    /// <summary>
    /// Only these columns are kept (in header order); null keeps all. The <see cref="Label"/> column is kept even when
    /// not listed. Every name must be in the header. Fields of other columns are still checked for quoting and count.
    /// </summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>
    /// Hard ceiling on the number of categories an inferred categorical column may have (default 1000).
    /// It also bounds the memory inference uses per column. See <see cref="TypeInference"/> for the whole rule.
    /// </summary>
    public int MaxCategories { get; init; } = 1000;

    /// <summary>Any non-numeric column with at most this many distinct values is categorical (default 50), up to <see cref="MaxCategories"/>.</summary>
    public int MinCategoryAllowance { get; init; } = 50;

    /// <summary>A non-numeric column with at most this fraction of the row count as distinct values is categorical (default 0.5: values repeat twice on average).</summary>
    public double CategoryRowFraction { get; init; } = 0.5;

    /// <summary>These options with the kinds of <paramref name="schema"/> declared for every column and its label set, so a written frame reads back the same.</summary>
    public CsvOptions WithSchema(DataSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return this with
        {
            ColumnKinds = schema.Columns.ToDictionary(c => c.Name, c => c.Kind, StringComparer.Ordinal),
            Label = schema.Label?.Name,
        };
    }

    /// <summary>The spellings of a number accepted in a file separated by <paramref name="separator"/>.</summary>
    internal NumberSpellings NumbersFor(char separator) => new(DecimalComma ?? separator == ';', FormattedNumbers);

    /// <summary>The separator to use for a file named <paramref name="displayName"/> when no sniffing applies.</summary>
    internal char SeparatorFor(string displayName)
    {
        if (Separator is { } s) return s;
        var name = displayName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? displayName[..^3] : displayName;
        return name.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tab", StringComparison.OrdinalIgnoreCase)
            ? '\t'
            : ',';
    }

    internal void Validate()
    {
        if (Separator is '"' or '\r' or '\n')
            throw new ArgumentException($"CsvOptions: Separator cannot be {Describe(Separator.Value)}; choose a character such as ',' or '\\t'.", nameof(Separator));
        if (MaxCategories < 1)
            throw new ArgumentException($"CsvOptions: MaxCategories = {MaxCategories} is invalid; expected at least 1.", nameof(MaxCategories));
        if (MinCategoryAllowance < 0)
            throw new ArgumentException($"CsvOptions: MinCategoryAllowance = {MinCategoryAllowance} is invalid; expected 0 or more.", nameof(MinCategoryAllowance));
        if (CategoryRowFraction is < 0 or > 1 || double.IsNaN(CategoryRowFraction))
            throw new ArgumentException($"CsvOptions: CategoryRowFraction = {CategoryRowFraction} is invalid; expected a fraction in [0, 1].", nameof(CategoryRowFraction));
        ArgumentNullException.ThrowIfNull(MissingTokens);
    }

    private static string Describe(char c) => c switch { '"' => "the quote character", '\r' => "CR", _ => "LF" };
}
