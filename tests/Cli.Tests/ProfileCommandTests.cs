using System.Text.Json;

namespace Pipelines.Cli.Tests;

[TestClass]
public sealed class ProfileCommandTests
{
    [TestMethod]
    public void HelpListsTheCommands()
    {
        var run = CliRun.Of("--help");
        Assert.AreEqual(0, run.ExitCode, run.Error);
        StringAssert.Contains(run.Output, "profile");
    }

    [TestMethod]
    public void MessyDataShowsEveryKindOfFix()
    {
        var run = CliRun.Of("profile", RepoPaths.Data("messy_churn.csv"), "--label", "churned");
        Assert.AreEqual(0, run.ExitCode, run.Error);
        foreach (var expected in new[] { "3,000 rows", "Label 'churned'", "ImputeMissing", "DropDuplicateRows", "DropConstantColumns", "TargetEncode", "SMOTE/ClassWeights" })
            StringAssert.Contains(run.Output, expected);
    }

    [TestMethod]
    public void What_reading_did_and_classes_written_two_ways_are_named()
    {
        var path = Path.Combine(Path.GetTempPath(), $"profile-sheet-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, ["weight,y", "5 kg,Yes", "7 kg,yes", "unknown,No", "6 kg,No"]);
        try
        {
            var run = CliRun.Of("profile", path, "--label", "y");
            Assert.AreEqual(0, run.ExitCode, run.Error);
            StringAssert.Contains(run.Output, "read: 'weight' holds numbers in 'kg', read without the unit, and 'unknown' (1 row) as missing values");
            StringAssert.Contains(run.Output, "('Yes' and 'yes')");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void A_workbooks_sheet_is_profiled_by_name_and_a_name_it_lacks_is_one_line_and_exit_two()
    {
        var path = Path.Combine(Path.GetTempPath(), $"profile-book-{Guid.NewGuid():N}.xlsx");
        Pipelines.Tests.WorkbookFile.Write(path, ("Summary", [["total"], [3]]), ("Rows", [["x", "y"], [1, "a"], [2, "b"], [3, "a"]]));
        try
        {
            var run = CliRun.Of("profile", path, "--sheet", "Rows", "--label", "y");
            Assert.AreEqual(0, run.ExitCode, run.Error);
            StringAssert.Contains(run.Output, "3 rows");
            StringAssert.Contains(run.Output, "Label 'y'");
            AssertBadInput(CliRun.Of("profile", path, "--sheet", "Data"), "the workbook has no sheet 'Data'; its sheets are 'Summary', 'Rows'");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void JsonOutputIsTheProfile()
    {
        var run = CliRun.Of("profile", RepoPaths.Data("iris.csv"), "--label", "species", "--json");
        Assert.AreEqual(0, run.ExitCode, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.AreEqual(150, json.RootElement.GetProperty("rowCount").GetInt32());
        Assert.AreEqual(3, json.RootElement.GetProperty("label").GetProperty("classCounts").GetArrayLength());
    }

    [TestMethod]
    public void MissingFileIsOneLineAndExitTwo()
    {
        var run = CliRun.Of("profile", Path.Combine(RepoPaths.Root, "no-such-file.csv"));
        AssertBadInput(run, "no-such-file.csv");
    }

    [TestMethod]
    public void UnknownLabelNamesTheColumns()
    {
        var run = CliRun.Of("profile", RepoPaths.Data("iris.csv"), "--label", "colour");
        AssertBadInput(run, "colour");
        StringAssert.Contains(run.Error, "species", "the error lists the columns there are");
    }

    [TestMethod]
    public void NonCsvFileIsOneLineAndExitTwo()
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-csv-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
        try
        {
            AssertBadInput(CliRun.Of("profile", path), Path.GetFileName(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void UnknownOptionIsAUsageError()
    {
        var run = CliRun.Of("profile", RepoPaths.Data("iris.csv"), "--colour");
        Assert.AreEqual(2, run.ExitCode);
        StringAssert.Contains(run.Error, "--colour");
    }

    private static void AssertBadInput(CliRun run, string mention)
    {
        Assert.AreEqual(2, run.ExitCode, run.Output);
        Assert.AreEqual(1, run.Error.TrimEnd().Split('\n').Length, $"one line expected: {run.Error}");
        StringAssert.StartsWith(run.Error, "error: ");
        StringAssert.Contains(run.Error, mention);
    }
}
