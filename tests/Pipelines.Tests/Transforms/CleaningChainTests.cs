using Pipelines.Tests.Contract;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Persistence;
using Pipelines.Transforms.Cleaning;
using Pipelines.Transforms.Normalization;

namespace Pipelines.Tests.Transforms;

[TestClass]
public sealed class CleaningChainTests
{
    [TestMethod]
    public void ACleaningChainFitsSavesAndLoads()
    {
        var data = new DataFrame(
            [
                new NumericColumn("x1", [1, float.NaN, 3, 4, 500, 1]),
                new NumericColumn("flat", [2, 2, 2, 2, 2, 2]),
                new NumericColumn("x2", [-3, 0, 3, 30, 300, -3]),
                CategoricalColumn.FromValues("c", ["a", null, "b", "a", "b", "a"]),
                CategoricalColumn.FromValues("y", ["n", "y", "n", "y", "n", "n"]),
            ],
            label: "y");
        var chain = new DropDuplicateRows()
            .Append(new DropConstantColumns())
            .Append(new ImputeMissing(NumericImputation.Median, AddIndicators: true))
            .Append(new ClipOutliers(Columns: ["x1"]))
            .Append(new Log1pTransform(["x2"]))
            .Append(new RobustNormalize(Columns: ["x2"]))
            .Append(new MinMaxNormalize(["x1"]));
        var model = chain.Fit(data);
        var output = model.Transform(data);
        Assert.AreEqual(6, output.RowCount, "row steps act only while fitting");
        CollectionAssert.AreEqual(new[] { "x1", "x2", "c", "y", "x1_missing", "c_missing" }, output.Names.ToArray());
        foreach (var column in output.Columns.OfType<NumericColumn>())
            Assert.IsTrue(column.ToArray().All(float.IsFinite), column.Name);
        var x1 = output.Numeric("x1").ToArray();
        Assert.IsTrue(x1.All(v => v is >= 0 and <= 1), "clipped then scaled to the (deduplicated) training range");

        var path = Path.Combine(Path.GetTempPath(), $"cleaning-{Guid.NewGuid():N}.model");
        try
        {
            PipelineFile.Save(path, model, data.Schema);
            var loaded = PipelineFile.Load(path).Model;
            ContractSuite.AssertFramesEqual(output, loaded.Transform(data), "after load");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
