using Pipelines.AutoML.Job;
using Pipelines.Data;

namespace Pipelines.AutoML.Tests.Job;

[TestClass]
public sealed class HoldoutRuleTests
{
    [TestMethod]
    public void Rows_are_held_out_when_the_test_part_reaches_the_least_rows()
    {
        var rule = HoldoutRule.Choose(Frame(2400), 0.25, HoldoutRule.DefaultMinRows, seed: 1, testFile: false);
        Assert.IsTrue(rule.HoldsOut);
        Assert.HasCount(600, rule.Split!.Test);
        Assert.HasCount(1800, rule.Split.Train);
        Assert.Contains("600 rows", rule.Reason);
    }

    [TestMethod]
    public void Smaller_data_keeps_every_row_for_the_search_and_says_why()
    {
        var rule = HoldoutRule.Choose(Frame(1200), 0.25, HoldoutRule.DefaultMinRows, seed: 1, testFile: false);
        Assert.IsFalse(rule.HoldsOut);
        Assert.IsNull(rule.Split);
        Assert.Contains("300 rows, under 500", rule.Reason);
        Assert.IsTrue(HoldoutRule.Choose(Frame(1200), 0.25, minRows: 0, seed: 1, testFile: false).HoldsOut, "0 always holds out");
    }

    [TestMethod]
    public void A_test_file_replaces_the_holdout()
    {
        var rule = HoldoutRule.Choose(Frame(4000), 0.25, HoldoutRule.DefaultMinRows, seed: 1, testFile: true);
        Assert.IsFalse(rule.HoldsOut);
        Assert.Contains("test file", rule.Reason);
    }

    private static DataFrame Frame(int rows) => new(
        [new NumericColumn("x", [.. Enumerable.Range(0, rows).Select(i => (float)i)]),
         new CategoricalColumn("y", [.. Enumerable.Range(0, rows).Select(i => i % 4 == 0 ? 1 : 0)], ["no", "yes"])], label: "y");
}
