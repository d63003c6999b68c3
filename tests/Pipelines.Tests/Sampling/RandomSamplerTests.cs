using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Sampling;
using static Pipelines.Tests.Sampling.SamplingTestData;

namespace Pipelines.Tests.Sampling;

[TestClass]
public sealed class RandomSamplerTests
{
    [TestMethod]
    public void OverSamplingKeepsOriginalRowsFirstAndCopiesOnlyItsClass()
    {
        var data = ThreeClasses(20, 6, 3);
        var output = new RandomOverSample { Seed = 42 }.FitTransform(data).Output;
        CollectionAssert.AreEquivalent(new Dictionary<string, int> { ["a"] = 20, ["b"] = 20, ["c"] = 20 }, CountByClass(output));
        Assert.IsTrue(output.Head(data.RowCount).ContentEquals(data), "original rows must come first, unchanged");
        var x = output.Numeric("x").Values;
        var label = (CategoricalColumn)output.Label!;
        for (var i = data.RowCount; i < output.RowCount; i++)
        {
            var source = (int)x[i]; // x is the original row index
            Assert.AreEqual(data.Label!.FormatValue(source), label.ValueAt(i), $"row {i} copies row {source} of another class");
            Assert.AreEqual(data.Numeric("y")[source], output.Numeric("y")[i]);
        }
    }

    [TestMethod]
    public void UnderSamplingKeepsAllMinorityRowsInOrder()
    {
        var data = ThreeClasses(20, 6, 3);
        var output = new RandomUnderSample { Seed = 42 }.FitTransform(data).Output;
        CollectionAssert.AreEquivalent(new Dictionary<string, int> { ["a"] = 3, ["b"] = 3, ["c"] = 3 }, CountByClass(output));
        var x = output.Numeric("x").ToArray();
        CollectionAssert.AreEqual(x.Order().ToArray(), x, "kept rows must stay in their original order");
        CollectionAssert.IsSubsetOf(new[] { 26f, 27f, 28f }, x, "every minority row must be kept");
        Assert.AreEqual(x.Length, x.Distinct().Count(), "under-sampling draws without replacement");
    }

    [TestMethod]
    public void DifferentSeedsDrawDifferentRows()
    {
        var data = ThreeClasses(30, 5, 5);
        var first = new RandomUnderSample { Seed = 1 }.FitTransform(data).Output;
        var second = new RandomUnderSample { Seed = 2 }.FitTransform(data).Output;
        Assert.IsFalse(first.ContentEquals(second));
    }

    [TestMethod]
    public void RowsWithMissingLabelAreKeptAndNeverCopied()
    {
        var labels = new string?[] { "a", "a", "a", "a", null, "b" };
        var data = new DataFrame([new NumericColumn("x", [0, 1, 2, 3, 4, 5]), CategoricalColumn.FromValues("label", labels)], label: "label");
        var under = new RandomUnderSample().FitTransform(data).Output;
        CollectionAssert.AreEqual(new[] { 4f, 5f }, under.Numeric("x").ToArray()[^2..]);
        Assert.AreEqual(3, under.RowCount);
        var over = new RandomOverSample().FitTransform(data).Output;
        Assert.AreEqual(9, over.RowCount);
        Assert.AreEqual(1, over.Label!.MissingCount());
    }

    [TestMethod]
    public void LabelProblemsAreClearErrors()
    {
        var data = ThreeClasses(4, 2, 0);
        StringAssert.Contains(Assert.ThrowsExactly<SchemaException>(() => new RandomOverSample().FitTransform(data.WithLabel(null))).Message, "needs a label");
        StringAssert.Contains(Assert.ThrowsExactly<SchemaException>(() => new RandomOverSample().FitTransform(data.WithLabel("x"))).Message, "Categorical");
        var one = ThreeClasses(5, 0, 0);
        StringAssert.Contains(Assert.ThrowsExactly<DataValueException>(() => new RandomUnderSample().FitTransform(one)).Message, "at least two");
    }

    [TestMethod]
    public void InAChainTheNextStepLearnsFromResampledRows()
    {
        var data = ThreeClasses(20, 6, 3);
        var chain = new RandomOverSample().Append(new RandomUnderSample { Strategy = SamplingStrategy.Counts(new Dictionary<string, int> { ["a"] = 10 }) });
        var fitted = chain.FitTransform(data);
        CollectionAssert.AreEquivalent(new Dictionary<string, int> { ["a"] = 10, ["b"] = 20, ["c"] = 20 }, CountByClass(fitted.Output));
        Assert.AreSame(data, fitted.Transformer.Transform(data));
    }
}
