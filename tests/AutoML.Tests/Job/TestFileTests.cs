using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.Job;
using Pipelines.AutoML.Tests.Store;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.IO;

namespace Pipelines.AutoML.Tests.Job;

/// <summary>The user's test file: the data's columns, classes the model knows, and errors that name the file, line, column and value.</summary>
[TestClass]
public sealed class TestFileTests : TempFolderTests
{
    private const string Data = "x,colour,y\n1,red,a\n2,blue,b\n3,red,a\n4,blue,b\n";

    [TestMethod]
    public void A_test_file_is_read_with_the_datas_columns_and_kinds_and_scored_against_its_classes()
    {
        var (data, target) = ReadData();
        var path = Write("test.csv", "extra,y,colour,x\nq,b,green,5\nr,a,red,\n");
        var test = TestFile.Read(path, data, "data.csv", target);
        Assert.AreEqual(2, test.Frame.RowCount);
        Assert.AreEqual("y", test.Frame.LabelName);
        Assert.IsFalse(test.Frame.Contains("extra"), "columns the data lacks are ignored");
        Assert.AreEqual(ColumnKind.Categorical, test.Frame["colour"].Kind);
        Assert.IsTrue(test.Frame["x"].IsMissing(1));
        CollectionAssert.AreEqual(new[] { 1, 0 }, test.Target.Codes.ToArray(), "codes in the data's class order");
        CollectionAssert.AreEqual(target.Classes.ToArray(), test.Target.Classes.ToArray());
    }

    [TestMethod]
    public void A_missing_column_names_the_file_and_the_column()
    {
        var (data, target) = ReadData();
        var path = Write("test.csv", "x,y\n1,a\n");
        var error = Assert.ThrowsExactly<DataFormatException>(() => TestFile.Read(path, data, "data.csv", target));
        Assert.AreEqual("colour", error.Column);
        Assert.Contains("test.csv", error.Message);
        Assert.Contains("no column 'colour', which data.csv has", error.Message);
    }

    [TestMethod]
    public void A_value_that_is_not_a_number_names_its_line_column_and_value()
    {
        var (data, target) = ReadData();
        var path = Write("test.csv", "x,colour,y\n1,red,a\n\"2\",\"blue\nish\",b\nlots 3,red,a\n");
        var error = Assert.ThrowsExactly<DataFormatException>(() => TestFile.Read(path, data, "data.csv", target));
        Assert.AreEqual(5L, error.Line);
        Assert.AreEqual("x", error.Column);
        Assert.AreEqual("lots 3", error.Value, "a word alone would be a missing number (CsvOptions.WordsInNumbers)");
        Assert.Contains("numeric in data.csv", error.Message);
    }

    [TestMethod]
    public void A_class_the_data_lacks_or_a_missing_label_names_its_line()
    {
        var (data, target) = ReadData();
        var unknown = Write("unknown.csv", "x,colour,y\n1,red,a\n\n,,\n2,\"blue\nish\",b\n3,red,c\n");
        var error = Assert.ThrowsExactly<DataFormatException>(() => TestFile.Read(unknown, data, "data.csv", target));
        Assert.AreEqual(7L, error.Line, "after a blank line, a row of empty cells and a quoted line break");
        Assert.AreEqual("y", error.Column);
        Assert.AreEqual("c", error.Value);
        Assert.Contains("does not occur in data.csv", error.Message);

        var missing = Write("missing.csv", "x,colour,y\n1,red,a\n2,blue,\n");
        var gap = Assert.ThrowsExactly<DataFormatException>(() => TestFile.Read(missing, data, "data.csv", target));
        Assert.AreEqual(3L, gap.Line);
        Assert.Contains("label is missing", gap.Message);
    }

    [TestMethod]
    public void A_file_that_is_not_there_says_what_to_pass()
    {
        var (data, target) = ReadData();
        var error = Assert.ThrowsExactly<PipelineException>(() => TestFile.Read(FileIn("nope.csv"), data, "data.csv", target));
        Assert.Contains("no such test file", error.Message);
    }

    private (DataFrame Data, ExperimentTarget Target) ReadData()
    {
        var data = CsvReader.Read(Write("data.csv", Data), new CsvOptions { Label = "y" });
        return (data, ExperimentTarget.Of(data, LabelTask.Detect(data)));
    }

    private string Write(string name, string text)
    {
        var path = FileIn(name);
        File.WriteAllText(path, text);
        return path;
    }
}
