using Pipelines.Errors;
using Pipelines.Sampling;

namespace Pipelines.Tests.Sampling;

[TestClass]
public sealed class SamplingStrategyTests
{
    private static readonly string[] Classes = ["a", "b", "c", "empty"];
    private static readonly int[] Counts = [100, 30, 10, 0];

    private static int[] Resolve(SamplingStrategy s, SamplingDirection d) => s.Resolve("test", Counts, Classes, d);

    [TestMethod]
    public void AutoBalancesToMajorityOrMinority()
    {
        CollectionAssert.AreEqual(new[] { 100, 100, 100, 0 }, Resolve(SamplingStrategy.Auto, SamplingDirection.Over));
        CollectionAssert.AreEqual(new[] { 10, 10, 10, 0 }, Resolve(SamplingStrategy.Auto, SamplingDirection.Under));
    }

    [TestMethod]
    public void RatioGrowsOrShrinksOnlyTowardsTheRatio()
    {
        // Over: each class to at least floor(0.5 * 100) = 50; a is already there.
        CollectionAssert.AreEqual(new[] { 100, 50, 50, 0 }, Resolve(SamplingStrategy.Ratio(0.5), SamplingDirection.Over));
        // Under: each class to at most floor(10 / 0.25) = 40.
        CollectionAssert.AreEqual(new[] { 40, 30, 10, 0 }, Resolve(SamplingStrategy.Ratio(0.25), SamplingDirection.Under));
        CollectionAssert.AreEqual(new[] { 100, 30, 30, 0 }, Resolve(SamplingStrategy.Ratio(0.3), SamplingDirection.Over));
    }

    [TestMethod]
    public void CountsSetNamedClassesOnly()
    {
        var over = SamplingStrategy.Counts(new Dictionary<string, int> { ["c"] = 25 });
        CollectionAssert.AreEqual(new[] { 100, 30, 25, 0 }, Resolve(over, SamplingDirection.Over));
        var under = SamplingStrategy.Counts(new Dictionary<string, int> { ["a"] = 12, ["b"] = 0 });
        CollectionAssert.AreEqual(new[] { 12, 0, 10, 0 }, Resolve(under, SamplingDirection.Under));
    }

    [TestMethod]
    public void CountsThatMoveTheWrongWayOrNameAbsentClassesAreErrors()
    {
        var shrink = SamplingStrategy.Counts(new Dictionary<string, int> { ["a"] = 50 });
        StringAssert.Contains(Assert.ThrowsExactly<DataValueException>(() => Resolve(shrink, SamplingDirection.Over)).Message, "only adds rows");
        var grow = SamplingStrategy.Counts(new Dictionary<string, int> { ["c"] = 50 });
        StringAssert.Contains(Assert.ThrowsExactly<DataValueException>(() => Resolve(grow, SamplingDirection.Under)).Message, "only removes rows");
        var absent = SamplingStrategy.Counts(new Dictionary<string, int> { ["empty"] = 5 });
        StringAssert.Contains(Assert.ThrowsExactly<DataValueException>(() => Resolve(absent, SamplingDirection.Over)).Message, "'empty'");
    }

    [TestMethod]
    public void BadRatiosAreRefused()
    {
        Assert.ThrowsExactly<ArgumentException>(() => SamplingStrategy.Ratio(0));
        Assert.ThrowsExactly<ArgumentException>(() => SamplingStrategy.Ratio(1.5));
        Assert.ThrowsExactly<ArgumentException>(() => SamplingStrategy.Ratio(double.NaN));
        Assert.ThrowsExactly<ArgumentException>(() => SamplingStrategy.Counts(new Dictionary<string, int> { ["a"] = -1 }));
    }
}
