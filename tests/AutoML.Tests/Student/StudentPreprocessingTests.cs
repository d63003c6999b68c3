using Pipelines.AutoML.Student;
using Pipelines.Data;

namespace Pipelines.AutoML.Tests.Student;

[TestClass]
public sealed class StudentPreprocessingTests
{
    [TestMethod]
    public void ColumnsWithOneValueInEveryRowAreDroppedButMissingnessIsKept()
    {
        const int rows = 40;
        var frame = new DataFrame(
        [
            new NumericColumn("constant", [.. Enumerable.Repeat(5f, rows)]),
            new NumericColumn("empty", [.. Enumerable.Repeat(float.NaN, rows)]),
            new NumericColumn("flag", [.. Enumerable.Range(0, rows).Select(r => r % 3 == 0 ? float.NaN : 1f)]),
            new NumericColumn("x", [.. Enumerable.Range(0, rows).Select(r => (float)r)]),
            new TextColumn("id", [.. Enumerable.Range(0, rows).Select(r => $"id{r}")]),
            CategoricalColumn.FromValues("y", [.. Enumerable.Range(0, rows).Select(r => r % 2 == 0 ? "a" : "b")]),
        ], label: "y");
        var preprocessing = StudentPreprocessing.Fit(frame, 16, 10, seed: 0);
        CollectionAssert.AreEqual(new[] { "flag", "x", "flag_missing" }, preprocessing.Features.ToArray());
        var decoded = preprocessing.Decoder.Decode(preprocessing.Chain.Transform(frame));
        CollectionAssert.AreEqual(new[] { "constant", "empty", "flag", "x", "id" }, decoded.Names.ToArray());
        Assert.AreEqual(5f, decoded.Numeric("constant")[0]);
        Assert.AreEqual(rows, decoded["empty"].MissingCount());
        Assert.AreEqual(frame["flag"].MissingCount(), decoded["flag"].MissingCount());
        Assert.IsTrue(decoded["flag"].IsMissing(0) && !decoded["flag"].IsMissing(1));
    }
}
