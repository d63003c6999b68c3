using Pipelines.Data;
using Pipelines.IO;

namespace Pipelines.Tests.IO;

[TestClass]
public sealed class CsvDateTests
{
    [TestMethod]
    public void Year_first_dates_with_or_without_a_time_read_as_days_since_1970()
    {
        var read = new (string Text, double Days)[]
        {
            ("1970-01-01", 0), ("1970-01-02", 1), ("1969-12-31", -1), ("2024-02-29", 19_782), ("2024/02/29", 19_782),
            ("2024-02-29 12:00", 19_782.5), ("2024-02-29T06:00:00", 19_782.25), ("2024-02-29T18:00:00.5Z", 19_782.75 + 0.5 / 86_400),
            ("2024-02-29 00:00:00+05:30", 19_782), ("2024-02-29T00:00-0800", 19_782),
        };
        foreach (var (text, days) in read)
        {
            Assert.IsTrue(CsvDate.TryParse(text, out var parsed), text);
            Assert.AreEqual(days, parsed, 1e-9, text);
        }
        foreach (var text in new[] { "2023-02-29", "2024-13-01", "2024-00-10", "2024-1-5", "01/02/2024", "31.01.2024", "2024-01-31x",
                     "2024-01/31", "2024-01-31 25:00", "2024-01-31 12:60", "2024-01-31T12", "2024-01-31 12:00:00.", "20240131", "2024", "" })
            Assert.IsFalse(CsvDate.TryParse(text, out _), text);
    }

    [TestMethod]
    public void Dates_with_the_months_name_read_as_days_since_1970_whatever_the_order()
    {
        var january31 = new DateOnly(2024, 1, 31).DayNumber - new DateOnly(1970, 1, 1).DayNumber;
        var read = new (string Text, double Days)[]
        {
            ("31-Jan-2024", january31), ("31-jan-24", january31), ("31 January 2024", january31), ("31/Jan/2024", january31),
            ("31 Jan. 2024", january31), ("Jan 31, 2024", january31), ("January 31 2024", january31), ("JAN 31, 2024", january31),
            ("Wed, 31 Jan 2024", january31), ("Wednesday, January 31, 2024", january31), ("31-Jan-2024 13:05", january31 + (13 + 5 / 60.0) / 24),
            ("Jan 31, 2024 1:05 PM", january31 + (13 + 5 / 60.0) / 24), ("5 Sept 2023", january31 - 148), ("29-Feb-2024", january31 + 29),
            ("3-May-99", new DateOnly(1999, 5, 3).DayNumber - new DateOnly(1970, 1, 1).DayNumber),
        };
        foreach (var (text, days) in read)
        {
            Assert.IsTrue(CsvDate.TryParseNamedMonth(text, out var parsed), text);
            Assert.AreEqual(days, parsed, 1e-9, text);
        }
        foreach (var text in new[] { "31-Jan/2024", "30-Feb-2024", "31 Janu 2024", "Jan 2024", "Jan-24", "31-Jan-2024x", "Jan 31,2024", "Monday", "Mayday 5, 2024",
                     "32 Jan 2024", "31 Jan 202", "Wed,", "31-Jan-2024 25:00", "May 5", "" })
            Assert.IsFalse(CsvDate.TryParseNamedMonth(text, out _), text);

        var notes = new List<string>();
        var conventions = new ColumnConventions();
        var frame = CsvReader.Read(new MemoryStream("d,y\n31-Jan-2024,a\n\"Mar 3, 2024\",b\n2024-02-15,a\nunknown,b\n"u8.ToArray()), "t.csv", null, notes, conventions);
        CollectionAssert.AreEqual(new[] { 1f, 3f, 2f, float.NaN }, frame.Numeric("d.month").Values.ToArray(), "one column may mix them with ISO dates");
        Assert.IsTrue(conventions.IsEmpty, "no order to keep");
        StringAssert.StartsWith(notes[0], "'d' holds dates, read as d.year");
    }

    [TestMethod]
    public void A_column_of_clock_times_alone_reads_as_the_hour_of_the_day()
    {
        var notes = new List<string>();
        var frame = CsvReader.Read(new MemoryStream("at,y\n08:30,a\n13:05:30,b\n1:05 PM,a\n,b\n0:00,a\n"u8.ToArray()), "t.csv", null, notes);
        CollectionAssert.AreEqual(new[] { "at.hour", "y" }, frame.Schema.Columns.Select(c => c.Name).ToArray(), "no date parts without a date");
        var hours = frame.Numeric("at.hour").Values.ToArray();
        CollectionAssert.AreEqual(new[] { 8.5f, 13 + 5.5f / 60, 13 + 5f / 60, float.NaN, 0f }, hours);
        Assert.AreEqual("'at' holds times of day, read as at.hour (hours since midnight)", notes.Single());
        Assert.AreEqual(ColumnKind.Categorical, CsvText.Read("at,y\n08:30,a\n2024-01-31,b\n")["at"].Kind, "times and dates in one column: neither reading fits");
        CollectionAssert.AreEqual(new[] { 8.5f, 24f }, CsvText.Read("at,y\n08:30,a\n24:00,b\n").Numeric("at.hour").Values.ToArray(), "24:00 ends the day");
        Assert.AreEqual(ColumnKind.Categorical, CsvText.Read("ratio,y\n16:9,a\n4:3,b\n")["ratio"].Kind, "minutes have two digits");
    }

    [TestMethod]
    public void A_column_of_durations_reads_as_their_hours()
    {
        // Elapsed times as a spreadsheet writes them, and pandas' and Python's timedeltas: hours past a day's kept.
        var notes = new List<string>();
        var frame = CsvReader.Read(new MemoryStream("took,y\n01:30:00,a\n36:15:00,b\n00:45:10.5,a\n,b\n2 days 03:00:00,a\n0 days 00:30:00,b\n\"1 day, 2:00:00\",a\n120:00,b\n"u8.ToArray()), "t.csv", null, notes);
        CollectionAssert.AreEqual(new[] { "took.hour", "y" }, frame.Names.ToArray());
        var hours = frame.Numeric("took.hour").Values.ToArray();
        var expected = new[] { 1.5, 36.25, (45 * 60 + 10.5) / 3600, double.NaN, 51, 0.5, 26, 120 };
        for (var i = 0; i < expected.Length; i++) Assert.AreEqual(expected[i], hours[i], 1e-4, $"row {i}");
        Assert.AreEqual("'took' holds durations (36:15:00, 2 days 03:00:00), read as took.hour (hours)", notes.Single());
        notes.Clear();
        CsvReader.Read(new MemoryStream("took,y\n0 days 00:30:00,a\n0 days 01:05:00,b\n"u8.ToArray()), "t.csv", null, notes);
        Assert.AreEqual("'took' holds durations (36:15:00, 2 days 03:00:00), read as took.hour (hours)", notes.Single(), "pandas' days, each under one");
        // Not durations: beside dates, a clock with AM after days, more than seven digits of hours, words.
        Assert.AreEqual(ColumnKind.Categorical, CsvText.Read("t,y\n36:15:00,a\n2024-01-31,b\n")["t"].Kind);
        Assert.IsFalse(CsvDate.TryParseDuration("2 days 1:05 PM", out _));
        Assert.IsFalse(CsvDate.TryParseDuration("12345678:00:00", out _));
        Assert.IsFalse(CsvDate.TryParseDuration("2 weeks 03:00:00", out _));
        Assert.IsFalse(CsvDate.TryParseDuration("23:59:00", out _), "a time of day is no duration here");
    }

    [TestMethod]
    public void Dates_written_as_three_numbers_split_into_them_and_read_in_the_order_given()
    {
        Assert.IsTrue(CsvDate.TryParseWritten("31/01/2024", out var date));
        Assert.AreEqual(new WrittenDate(31, 1, 2024, ShortYear: false, Padded: true, 0), date);
        Assert.IsTrue(CsvDate.Days(DateOrder.DayFirst, date, out var days));
        var january31 = new DateOnly(2024, 1, 31).DayNumber - new DateOnly(1970, 1, 1).DayNumber;
        Assert.AreEqual(january31, days);
        Assert.IsFalse(CsvDate.Days(DateOrder.MonthFirst, date, out _), "no 31st month");
        Assert.IsFalse(CsvDate.Days(DateOrder.YearFirst, date, out _), "a year first has two digits");
        Assert.IsFalse(CsvDate.Days(DateOrder.DayFirst, new WrittenDate(31, 4, 2024, false, true, 0), out _), "no 31 April");
        Assert.IsTrue(CsvDate.TryParseWritten("24/01/31", out var short24));
        Assert.IsTrue(short24.MayBeYearFirst);
        Assert.IsTrue(CsvDate.Days(DateOrder.YearFirst, short24, out days));
        Assert.AreEqual(january31, days, "24/01/31 year first");
        Assert.IsTrue(CsvDate.Days(DateOrder.DayFirst, short24, out days));
        Assert.AreEqual(new DateOnly(1931, 1, 24).DayNumber - new DateOnly(1970, 1, 1).DayNumber, days, "24/01/31 day first");
        Assert.IsTrue(CsvDate.TryParseWritten("00-02-29", out var leap), "a first 00 is a year's");
        Assert.IsTrue(CsvDate.Days(DateOrder.YearFirst, leap, out _), "29 February 2000");
        Assert.IsFalse(CsvDate.Days(DateOrder.DayFirst, leap, out _));
        Assert.IsFalse(CsvDate.TryParseWritten("0/02/29", out _), "a year first is written with two digits");
        Assert.IsFalse(new WrittenDate(1, 31, 24, ShortYear: true, Padded: false, 0).MayBeYearFirst, "1/31/24");

        var clocks = new (string Text, double Hours)[]
        {
            ("1/31/2024 1:05 PM", 13 + 5 / 60.0), ("1/31/2024 12:00 AM", 0), ("1/31/2024 12:30 pm", 12.5), ("31.01.2024 13:05", 13 + 5 / 60.0),
            ("31-01-2024 07:05:30", 7 + 5.5 / 60), ("1/31/2024 1:05:30.5 PM", 13 + (5 * 60 + 30.5) / 3600),
        };
        foreach (var (text, hours) in clocks)
        {
            Assert.IsTrue(CsvDate.TryParseWritten(text, out date), text);
            Assert.AreEqual(hours / 24, date.Time, 1e-9, text);
        }
        foreach (var text in new[] { "31/01-2024", "2024/01/31", "131/01/2024", "31/01/241", "31/01/2", "0/01/2024", "31/01/2024 13:05 PM", "31/01/2024 1:5",
                     "31/01/2024T13:05", "31/01/2024 13:05+01:00", "31/01/20245", "a/01/2024", "31/01/2024 ", "1.2.10", "1-12-24", "31.1.24", "31/01/24 " })
            Assert.IsFalse(CsvDate.TryParseWritten(text, out _), text);

        // Short dates as spreadsheets write them: Excel's window reads 00-29 as 2000-2029 and 30-99 as the 1900s.
        var shortDates = new (string Text, int Year, double Hours)[] { ("1/31/24", 2024, 0), ("12/5/30 9:15 AM", 1930, 9.25), ("31.01.99", 1999, 0), ("05-06-00", 2000, 0) };
        foreach (var (text, expected, hours) in shortDates)
        {
            Assert.IsTrue(CsvDate.TryParseWritten(text, out date), text);
            Assert.AreEqual((expected, hours / 24, true), (CsvDate.ShortYear(date.Last), date.Time, date.ShortYear), text);
        }
    }

    [TestMethod]
    public void A_column_of_year_last_dates_is_read_in_the_order_its_values_tell_and_reports_it()
    {
        var notes = new List<string>();
        var conventions = new ColumnConventions();
        var orders = conventions.DateOrders;
        var frame = CsvReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            "uk,us,y\n03/04/2024,3/4/2024 1:05 PM,a\n25/12/2023,12/25/2023 9:00 AM,b\n,unknown,a\n")), "t.csv", CsvOptions.Default with { Label = "y" }, notes, conventions);
        CollectionAssert.AreEqual(new[] { 4f, 12f, float.NaN }, frame.Numeric("uk.month").Values.ToArray(), "a day above 12 makes the column day first");
        CollectionAssert.AreEqual(new[] { 3f, 25f, float.NaN }, frame.Numeric("uk.day").Values.ToArray());
        CollectionAssert.AreEqual(new[] { 3f, 12f, float.NaN }, frame.Numeric("us.month").Values.ToArray(), "a second number above 12 makes it month first");
        Assert.AreEqual(13 + 5 / 60.0, frame.Numeric("us.hour")[0], 1e-4, "1:05 PM");
        Assert.AreEqual(9, frame.Numeric("us.hour")[1], 1e-4);
        Assert.AreEqual(DateOrder.DayFirst, orders["uk"]);
        Assert.AreEqual(DateOrder.MonthFirst, orders["us"]);
        StringAssert.Contains(notes[0], "'uk' holds dates written day first (31/01/2024), read as uk.year");
        StringAssert.Contains(notes[1], "'us' holds dates written month first (1/31/2024), read as us.year");

        notes.Clear();
        orders.Clear();
        var untold = CsvReader.Read(new MemoryStream("d,mixed\n03/04/2024,13/01/2024\n05/06/2024,01/13/2024\n"u8.ToArray()), "t.csv", null, notes, conventions);
        Assert.AreEqual(ColumnKind.Categorical, untold["d"].Kind, "no number above 12: the order would be a guess");
        Assert.AreEqual(ColumnKind.Categorical, untold["mixed"].Kind, "each order in one row: no reading fits both");
        Assert.IsEmpty(orders);
        StringAssert.Contains(notes[0], "'d' holds dates whose order of day and month no value tells");
        StringAssert.Contains(notes[1], "'mixed' holds dates written day first in some rows and month first in others");

        var monthFirst = new ColumnConventions { DateOrders = { ["d"] = DateOrder.MonthFirst } };
        var given = CsvText.Read("d\n03/04/2024\n", CsvOptions.Default with { Conventions = monthFirst });
        Assert.AreEqual(3f, given.Numeric("d.month")[0], "a given order reads a row no value of which tells it");
        var other = CsvText.Read("d\n1/31/2024\n", CsvOptions.Default with { Conventions = new ColumnConventions { DateOrders = { ["e"] = DateOrder.DayFirst } } });
        Assert.AreEqual(1f, other.Numeric("d.month")[0], "another column's order is not this one's");
        notes.Clear();
        var shortYears = CsvReader.Read(new MemoryStream("d\n1/31/24\n12/25/99 6:00 PM\n"u8.ToArray()), "t.csv", null, notes);
        CollectionAssert.AreEqual(new[] { 2024f, 1999f }, shortYears.Numeric("d.year").Values.ToArray());
        CollectionAssert.AreEqual(new[] { 0f, 18f }, shortYears.Numeric("d.hour").Values.ToArray());
        Assert.AreEqual("'d' holds dates written month first (1/31/2024), two-digit years as 1930-2029, read as d.year, d.month, d.day, d.weekday, d.days, d.hour", notes.Single());
        Assert.AreEqual(ColumnKind.Categorical, CsvText.Read("v\n1.2.10\n2.13.9\n")["v"].Kind, "version numbers are no dates");
        var impossible = CsvText.Read("d\n31/02/2024\n13/01/2024\n");
        Assert.AreEqual(ColumnKind.Categorical, impossible["d"].Kind, "the 31st of February is no date");
        var yearFirst = CsvText.Read("d\n2024-01-31\n31/01/2024\n");
        Assert.AreEqual(ColumnKind.Categorical, yearFirst["d"].Kind, "one column, one way of writing dates");
    }

    [TestMethod]
    public void Two_digit_years_first_or_last_are_told_by_a_number_above_31_or_by_the_years_taking_fewer_values_than_the_days()
    {
        var notes = new List<string>();
        var conventions = new ColumnConventions();
        // Japanese short dates over two years: the first numbers take 2 values, the last 5.
        var japan = CsvReader.Read(new MemoryStream("d\n23/11/02\n23/12/15\n24/01/31\n24/02/29\n24/03/07\n"u8.ToArray()), "t.csv", null, notes, conventions);
        CollectionAssert.AreEqual(new[] { 2023f, 2023f, 2024f, 2024f, 2024f }, japan.Numeric("d.year").Values.ToArray());
        CollectionAssert.AreEqual(new[] { 2f, 15f, 31f, 29f, 7f }, japan.Numeric("d.day").Values.ToArray());
        Assert.AreEqual(DateOrder.YearFirst, conventions.DateOrders["d"]);
        Assert.AreEqual("'d' holds dates written year first with two digits (24/01/31), its first numbers taking 2 values and its last 5, " +
            "two-digit years as 1930-2029, read as d.year, d.month, d.day, d.weekday, d.days", notes.Single());

        // The same dates day first, as a German spreadsheet writes them short: the last numbers take 2 values.
        notes.Clear();
        var germany = CsvReader.Read(new MemoryStream("d\n02.11.23\n15.12.23\n31.01.24\n29.02.24\n07.03.24\n"u8.ToArray()), "t.csv", null, notes, conventions);
        CollectionAssert.AreEqual(new[] { 2023f, 2023f, 2024f, 2024f, 2024f }, germany.Numeric("d.year").Values.ToArray());
        Assert.AreEqual(DateOrder.DayFirst, conventions.DateOrders["d"]);
        StringAssert.StartsWith(notes.Single(), "'d' holds dates written day first (31/01/2024), its first numbers taking 5 values and its last 2,");

        // A number above 31 is a year wherever it stands; 00 first is the year 2000.
        Assert.AreEqual(1999f, CsvText.Read("d\n99/12/31\n01/02/03\n").Numeric("d.year")[0], "year first: 99 is no day");
        Assert.AreEqual(2000f, CsvText.Read("d\n00/12/31\n01/02/03\n").Numeric("d.year")[0], "year first: 00 is no day");
        Assert.AreEqual(1999f, CsvText.Read("d\n31/12/99\n01/02/03\n").Numeric("d.year")[0], "year last: 99 is no day");
        Assert.AreEqual(2024f, CsvText.Read("d\n01/31/24\n").Numeric("d.year")[0], "a month first: 31 in the middle is no month");

        notes.Clear();
        var untold = CsvReader.Read(new MemoryStream("d\n24/01/31\n15/03/22\n"u8.ToArray()), "t.csv", null, notes);
        Assert.AreEqual(ColumnKind.Categorical, untold["d"].Kind, "2 values first and last: either could be the year");
        StringAssert.Contains(notes[0], "'d' holds dates with two-digit years whose order no value tells");
        StringAssert.Contains(notes[0], "write years with four digits (2024-01-31)");

        // The order kept with a model reads one row, which alone tells nothing.
        var kept = new ColumnConventions { DateOrders = { ["d"] = DateOrder.YearFirst } };
        var one = CsvText.Read("d\n24/04/06\n", CsvOptions.Default with { Conventions = kept });
        Assert.AreEqual((2024f, 4f, 6f), (one.Numeric("d.year")[0], one.Numeric("d.month")[0], one.Numeric("d.day")[0]));
        Assert.AreEqual(ColumnKind.Categorical, CsvText.Read("d\n06/04/2024\n", CsvOptions.Default with { Conventions = kept })["d"].Kind,
            "a four-digit year last is not the order kept");
    }

    [TestMethod]
    public void A_schema_keeps_the_date_orders_on_the_parts_of_each_date_column_and_units_on_their_columns()
    {
        var schema = new DataSchema([new ColumnSchema("d.year", ColumnKind.Numeric), new ColumnSchema("d.days", ColumnKind.Numeric),
            new ColumnSchema("x", ColumnKind.Numeric), new ColumnSchema("engine", ColumnKind.Numeric)]);
        var conventions = new ColumnConventions { DateOrders = { ["d"] = DateOrder.DayFirst }, Units = { ["engine"] = "CC", ["gone"] = "kg" } };
        var marked = conventions.Mark(schema);
        CollectionAssert.AreEqual(new DateOrder?[] { DateOrder.DayFirst, DateOrder.DayFirst, null, null }, marked.Columns.Select(c => c.DateOrder).ToArray());
        CollectionAssert.AreEqual(new[] { null, null, null, "CC" }, marked.Columns.Select(c => c.Unit).ToArray());
        var kept = ColumnConventions.Of(marked.Columns);
        CollectionAssert.AreEquivalent(new[] { KeyValuePair.Create("d", DateOrder.DayFirst) }, kept.DateOrders.ToArray());
        CollectionAssert.AreEquivalent(new[] { KeyValuePair.Create("engine", "CC") }, kept.Units.ToArray(), "a column the schema lacks keeps no unit");
        Assert.AreSame(schema, new ColumnConventions().Mark(schema));
    }

    [TestMethod]
    public void A_column_of_dates_becomes_its_parts_and_anything_else_stays_as_it_was()
    {
        var frame = CsvText.Read("when,mixed,y\n2024-03-04,2024-01-01,2024-01-01\n,x1,2024-01-02\n2024-03-10 18:30,2024-01-03,2024-01-03\n",
            CsvOptions.Default with { Label = "y" });
        CollectionAssert.AreEqual(new[] { "when.year", "when.month", "when.day", "when.weekday", "when.days", "when.hour", "mixed", "y" }, frame.Names.ToArray());
        CollectionAssert.AreEqual(new[] { 2024f, float.NaN, 2024f }, frame.Numeric("when.year").Values.ToArray());
        CollectionAssert.AreEqual(new[] { 0f, float.NaN, 6f }, frame.Numeric("when.weekday").Values.ToArray(), "Monday 0, Sunday 6");
        CollectionAssert.AreEqual(new[] { 0f, float.NaN, 18.5f }, frame.Numeric("when.hour").Values.ToArray());
        Assert.AreEqual(ColumnKind.Categorical, frame["mixed"].Kind, "one value that is no date (nor a word for a missing one) keeps the column as written");
        Assert.AreEqual(ColumnKind.Categorical, frame["y"].Kind, "the label is never split");

        var dateOnly = CsvText.Read("d\n2024-01-31\n2024-02-01\n");
        CollectionAssert.AreEqual(new[] { "d.year", "d.month", "d.day", "d.weekday", "d.days" }, dateOnly.Names.ToArray(), "no hour without a time");
        var off = CsvText.Read("d\n2024-01-31\n", CsvOptions.Default with { DateParts = false });
        Assert.AreEqual("2024-01-31", off.Categorical("d").ValueAt(0));
        var taken = CsvText.Read("d,d.days\n2024-01-31,3\n");
        CollectionAssert.AreEqual(new[] { "d", "d.days" }, taken.Names.ToArray(), "a part's name already in the header keeps the dates as they are");
        var declared = CsvText.Read("d\n2024-01-31\n", CsvOptions.Default with { ColumnKinds = new Dictionary<string, ColumnKind> { ["d"] = ColumnKind.Text } });
        Assert.AreEqual(ColumnKind.Text, declared["d"].Kind);
        Assert.AreEqual("d", CsvOptions.DateColumnOf("d.weekday"));
        Assert.IsNull(CsvOptions.DateColumnOf("d.week"));
    }
}
