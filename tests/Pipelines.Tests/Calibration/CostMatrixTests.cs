using Pipelines.Calibration;
using Pipelines.Errors;

namespace Pipelines.Tests.Calibration;

[TestClass]
public sealed class CostMatrixTests
{
    private static readonly string[] Classes = ["no", "yes"];

    [TestMethod]
    public void Reads_rows_and_columns_in_any_order_into_the_models_order()
    {
        var costs = Read("actual\\predicted,yes,no\r\nyes,0,5\r\n\"no\",1.5,0\r\n");
        Assert.AreEqual(0, costs[0, 0]);
        Assert.AreEqual(1.5, costs[0, 1], "actual no, predicted yes");
        Assert.AreEqual(5, costs[1, 0], "actual yes, predicted no");
        CollectionAssert.AreEqual(Classes, costs.Classes.ToArray());
    }

    [TestMethod]
    public void Errors_name_file_line_column_and_value()
    {
        var error = ReadError("a,no,yes\nno,0,1\nyes,lots,0\n");
        StringAssert.Contains(error.Message, ":3, column 'no', value 'lots': a cost must be a finite number");
        Assert.AreEqual(3, error.Line);

        error = ReadError("a,no,maybe\nno,0,1\n");
        StringAssert.Contains(error.Message, ":1, value 'maybe': the column names no class of the model. Use the model's classes: 'no', 'yes'.");

        error = ReadError("a,no,yes\nno,0,1\nno,0,1\n");
        StringAssert.Contains(error.Message, ":3, column 'a', value 'no': class 'no' has two rows");

        error = ReadError("a,no,yes\nno,0,1\n");
        StringAssert.Contains(error.Message, "no row for class 'yes'");

        error = ReadError("a,no,yes\nno,0\n");
        StringAssert.Contains(error.Message, ":2: the row has 2 fields but the header has 3");

        error = ReadError("a,yes\n");
        StringAssert.Contains(error.Message, "no column for class 'no'");

        error = ReadError("");
        StringAssert.Contains(error.Message, "the cost matrix file is empty");
    }

    [TestMethod]
    public void A_missing_file_and_a_bad_matrix_are_refused()
    {
        var error = Assert.ThrowsExactly<PipelineException>(() => CostMatrix.Read("/no/such/costs.csv", Classes));
        StringAssert.Contains(error.Message, "/no/such/costs.csv: no such cost matrix file");
        Assert.ThrowsExactly<ArgumentException>(() => new CostMatrix(Classes, new double[,] { { 0, double.NaN }, { 1, 0 } }));
        Assert.ThrowsExactly<ArgumentException>(() => new CostMatrix(Classes, new double[3, 3]));
        var other = Assert.ThrowsExactly<ArgumentException>(() => new CostMatrix(Classes, new double[2, 2]).For(["no", "maybe"]));
        StringAssert.Contains(other.Message, "'maybe'");
    }

    private static CostMatrix Read(string text)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, text);
            return CostMatrix.Read(path, Classes);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static DataFormatException ReadError(string text) => Assert.ThrowsExactly<DataFormatException>(() => Read(text));
}
