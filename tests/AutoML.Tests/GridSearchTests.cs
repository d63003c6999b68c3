using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Tuners;

namespace Pipelines.AutoML.Tests;

[TestClass]
public sealed class GridSearchTests
{
    [TestMethod]
    public void Enumerates_exactly_the_grid_in_order_then_is_done()
    {
        var space = new ParameterSpace(
            ("x", new FloatRange(0, 10)),
            ("k", new IntRange(1, 3)),
            ("c", new Choice("a", "b")));
        var grid = new GridSearchTuner(space, points: 3);
        var seen = new List<(double, int, string)>();
        while (!grid.IsDone)
        {
            var p = grid.Propose().Parameters;
            seen.Add((p.GetDouble("x"), p.GetInt("k"), p.GetString("c")));
        }
        var expected = (from x in new[] { 0.0, 5, 10 } from k in new[] { 1, 2, 3 } from c in new[] { "a", "b" } select (x, k, c)).ToList();
        CollectionAssert.AreEqual(expected, seen);
        Assert.ThrowsExactly<InvalidOperationException>(() => grid.Propose());
    }

    [TestMethod]
    public void Large_integer_ranges_get_spread_levels_and_log_floats_log_spacing()
    {
        var space = new ParameterSpace(("n", new IntRange(0, 100)), ("lr", new FloatRange(1e-3, 1e-1, log: true)));
        var grid = new GridSearchTuner(space, points: 3);
        var values = new List<(int, double)>();
        while (!grid.IsDone)
        {
            var p = grid.Propose().Parameters;
            values.Add((p.GetInt("n"), p.GetDouble("lr")));
        }
        CollectionAssert.AreEqual(new[] { 0, 50, 100 }, values.Select(v => v.Item1).Distinct().ToArray());
        var lrs = values.Select(v => v.Item2).Distinct().ToArray();
        Assert.HasCount(3, lrs);
        Assert.AreEqual(1e-2, lrs[1], 1e-12);
    }

    [TestMethod]
    public void Conditional_leaves_do_not_multiply_the_grid()
    {
        var space = new ParameterSpace(("learner", new Choice([
            new ChoiceOption("a", new ParameterSpace(("p", new IntRange(1, 3)))),
            new ChoiceOption("b", new ParameterSpace(("q", new Choice("x", "y")))),
        ])));
        var grid = new GridSearchTuner(space);
        var all = new List<string>();
        while (!grid.IsDone) all.Add(grid.Propose().Parameters.ToString());
        Assert.HasCount(5, all); // 3 settings of a + 2 of b
        Assert.HasCount(5, all.Distinct());
    }
}
