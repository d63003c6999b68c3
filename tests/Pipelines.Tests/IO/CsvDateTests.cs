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
