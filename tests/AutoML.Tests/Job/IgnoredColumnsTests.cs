using Pipelines.AutoML.Job;
using Pipelines.Data;

namespace Pipelines.AutoML.Tests.Job;

[TestClass]
public sealed class IgnoredColumnsTests
{
    [TestMethod]
    public void A_name_leaves_out_its_column_or_else_its_date_parts()
    {
        var parts = new DataFrame(
        [
            new NumericColumn("when.year", [2024, 2025]),
            new NumericColumn("when.days", [1, 2]),
            new NumericColumn("x", [1, 2]),
            CategoricalColumn.FromValues("y", ["a", "b"]),
        ], label: "y");
        CollectionAssert.AreEqual(new[] { "x", "y" }, IgnoredColumns.Drop(parts, ["when"], "d.csv").Names.ToArray());

        // 'when' kept as written (its part names were taken): only that column goes, not the real 'when.year'.
        var kept = new DataFrame(
        [
            CategoricalColumn.FromValues("when", ["2024-01-01", "2024-01-02"]),
            new NumericColumn("when.year", [7, 8]),
            CategoricalColumn.FromValues("y", ["a", "b"]),
        ], label: "y");
        CollectionAssert.AreEqual(new[] { "when.year", "y" }, IgnoredColumns.Drop(kept, ["when"], "d.csv").Names.ToArray());
    }
}
