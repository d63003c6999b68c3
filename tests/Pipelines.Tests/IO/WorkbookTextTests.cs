using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.IO;

namespace Pipelines.Tests.IO;

[TestClass]
public sealed class WorkbookTextTests
{
    public TestContext TestContext { get; set; } = null!;

    private string FileIn(string name) => Path.Combine(TestContext.TestRunDirectory ?? Path.GetTempPath(), $"{nameof(WorkbookTextTests)}-{TestContext.TestName}-{name}");

    [TestMethod]
    public void The_first_sheet_reads_as_its_csv_export_would()
    {
        var path = FileIn("data.xlsx");
        WorkbookFile.Write(path,
            ("Data",
            [
                ["amount", "city", "signed", "paid", "y"],
                [12.5, "Lyon, FR", new DateTime(2024, 1, 31), true, "yes"],
                null,
                [3, "Nice", new DateTime(2024, 2, 1, 13, 5, 9), false, "no"],
                [null, "#DIV/0!", null, null, "yes"],
            ]),
            ("Notes", [["anything"]]));
        var notes = new List<string>();
        var frame = CsvReader.Read(path, new CsvOptions { Label = "y" }, notes);
        Assert.AreEqual(3, frame.RowCount, "the blank row is skipped as a blank line is");
        CollectionAssert.AreEqual(new[] { 12.5f, 3f, float.NaN }, frame.Numeric("amount").Values.ToArray());
        Assert.AreEqual("Lyon, FR", frame["city"].FormatValue(0), "a comma in a cell stays in its value");
        Assert.IsTrue(frame["city"].IsMissing(2), "an error value is missing");
        CollectionAssert.AreEqual(new[] { 1f, 2f, float.NaN }, frame.Numeric("signed.month").Values.ToArray(), "date cells are dates");
        Assert.AreEqual(13 + 5 / 60.0 + 9 / 3600.0, frame.Numeric("signed.hour")[1], 1e-4);
        Assert.AreEqual("TRUE", frame["paid"].FormatValue(0));
        CollectionAssert.AreEqual(new[]
        {
            $"read the first sheet, 'Data', of 2 in {Path.GetFileName(path)}; the others are left out (name a sheet to read another)",
            "'signed' holds dates, read as signed.year, signed.month, signed.day, signed.weekday, signed.days, signed.hour",
        }, notes, "a blank row is a blank line, not a row of empty cells");
    }

    [TestMethod]
    public void A_sheet_named_in_any_case_is_read_and_a_name_no_sheet_has_is_an_error_listing_the_sheets()
    {
        var path = FileIn("book.xlsx");
        WorkbookFile.Write(path, ("Notes", [["anything"]]), ("Sales 2024", [["amount", "y"], [1, "a"], [2, "b"]]));
        var notes = new List<string>();
        var frame = CsvReader.Read(path, new CsvOptions { Label = "y", Sheet = "sales 2024" }, notes);
        CollectionAssert.AreEqual(new[] { 1f, 2f }, frame.Numeric("amount").Values.ToArray());
        Assert.IsEmpty(notes, "the sheet read is the one named, not the first of several");

        var missing = Assert.ThrowsExactly<DataFormatException>(() => CsvReader.Read(path, new CsvOptions { Sheet = "Sales" }));
        Assert.AreEqual("Sales", missing.Value);
        StringAssert.Contains(missing.Message, "the workbook has no sheet 'Sales'; its sheets are 'Notes', 'Sales 2024'");

        var text = FileIn("data.csv");
        File.WriteAllText(text, "a,b\n1,2\n");
        var notWorkbook = Assert.ThrowsExactly<DataFormatException>(() => CsvReader.Read(text, new CsvOptions { Sheet = "Sales" }));
        StringAssert.Contains(notWorkbook.Message, "sheet 'Sales' was named, but this is a delimited text file, which has no sheets");
    }

    [TestMethod]
    public void A_sheets_title_above_its_table_and_notes_below_it_are_left_out_and_rows_keep_their_numbers()
    {
        var path = FileIn("report.xlsx");
        WorkbookFile.Write(path, ("Report", [["Sales report 2024"], null, ["amount", "region", "y"], [1, "north", "a"], [2, "south", "b"], null,
            ["Source: sales ledger, as of May"]]));
        var notes = new List<string>();
        var frame = CsvReader.Read(path, new CsvOptions { Label = "y" }, notes);
        CollectionAssert.AreEqual(new[] { "amount", "region", "y" }, frame.Names.ToArray());
        CollectionAssert.AreEqual(new[] { 1f, 2f }, frame.Numeric("amount").Values.ToArray());
        CollectionAssert.Contains(notes, "the table's header is line 3; the 2 lines above it, a title ('Sales report 2024'), left out");
        CollectionAssert.Contains(notes, "the line below the table, notes ('Source: sales ledger, as of May'), left out");
        Assert.AreEqual(5L, CsvReader.LineOf(path, 1), "the second row is the sheet's row 5");
    }

    [TestMethod]
    public void A_sheets_header_of_two_rows_with_merged_groups_reads_as_the_joined_names()
    {
        var path = FileIn("pivot.xlsx");
        WorkbookFile.Write(path, ("Pivot", [["region", "2023", null, "2024", null, "y"], [null, "sales", "units", "sales", "units", null],
            ["north", 10, 1, 12, 2, "a"], ["south", 20, 2, 22, 3, "b"]]));
        var frame = CsvReader.Read(path, new CsvOptions { Label = "y" });
        CollectionAssert.AreEqual(new[] { "region", "2023 sales", "2023 units", "2024 sales", "2024 units", "y" }, frame.Names.ToArray());
        CollectionAssert.AreEqual(new[] { 2f, 3f }, frame.Numeric("2024 units").Values.ToArray());
    }

    [TestMethod]
    public void An_error_names_the_file_the_sheet_and_the_row()
    {
        var path = FileIn("bad.xlsx");
        WorkbookFile.Write(path, ("Sales", [["amount", "y"], [1, "a"], null, [2, "b"], ["3 or 4", "a"]]));
        var kinds = new Dictionary<string, ColumnKind> { ["amount"] = ColumnKind.Numeric };
        var error = Assert.ThrowsExactly<DataFormatException>(() => CsvReader.Read(path, new CsvOptions { ColumnKinds = kinds }));
        Assert.AreEqual(5, error.Line, "row 5 of the sheet");
        StringAssert.StartsWith(error.Message, $"{path}, sheet 'Sales':5, column 'amount', value '3 or 4'");

        var text = FileIn("text.xlsx");
        File.WriteAllText(text, "a,b\n1,2\n");
        var notWorkbook = Assert.ThrowsExactly<DataFormatException>(() => CsvReader.Read(text));
        StringAssert.Contains(notWorkbook.Message, "not an Excel workbook that can be read");
    }
}
