using Pipelines.Data;
using Pipelines.IO;

namespace Pipelines.Tests.IO;

[TestClass]
public sealed class TypeInferenceTests
{
    private static ColumnKind KindOf(int rows, int distinct, CsvOptions? options = null)
    {
        var lines = Enumerable.Range(0, rows).Select(i => $"v{i % distinct}");
        return CsvText.Read("c\n" + string.Join("\n", lines) + "\n", options)["c"].Kind;
    }

    [TestMethod]
    public void FiftyDistinctIsAlwaysCategoricalFiftyOneIsNotInASmallFile()
    {
        Assert.AreEqual(ColumnKind.Categorical, KindOf(60, 50));
        Assert.AreEqual(ColumnKind.Text, KindOf(60, 51));
    }

    [TestMethod]
    public void HalfTheRowsAllowsMoreCategoriesInALargerFile()
    {
        Assert.AreEqual(ColumnKind.Categorical, KindOf(400, 200)); // half of 400 = 200
        Assert.AreEqual(ColumnKind.Text, KindOf(400, 201));
    }

    [TestMethod]
    public void NearlyUniqueValuesAreText() => Assert.AreEqual(ColumnKind.Text, KindOf(3000, 2940));

    [TestMethod]
    public void MaxCategoriesIsAHardCeiling()
    {
        var options = CsvOptions.Default with { MaxCategories = 20 };
        Assert.AreEqual(ColumnKind.Categorical, KindOf(100, 20, options));
        Assert.AreEqual(ColumnKind.Text, KindOf(100, 21, options));
        Assert.AreEqual(20, TypeInference.CategoryLimit(1_000_000, options));
        Assert.AreEqual(1000, TypeInference.CategoryLimit(1_000_000, CsvOptions.Default));
        Assert.AreEqual(50, TypeInference.CategoryLimit(10, CsvOptions.Default));
    }

    [TestMethod]
    public void AllMissingColumnIsNumeric()
    {
        var frame = CsvText.Read("a,b\n1,NA\n2,\n");
        Assert.AreEqual(ColumnKind.Numeric, frame["b"].Kind);
        Assert.AreEqual(2, frame["b"].MissingCount());
    }

    [TestMethod]
    public void ManyDistinctNumbersThenAWordBecomeTextInShortestForm()
    {
        // Words off: with them on, a word among numbers past the ceiling is a missing number.
        var options = CsvOptions.Default with { MaxCategories = 5, WordsInNumbers = false };
        var lines = Enumerable.Range(0, 10).Select(i => $"{i}.50").Append("word");
        var frame = CsvText.Read("c\n" + string.Join("\n", lines) + "\n", options);
        var c = (TextColumn)frame["c"];
        Assert.AreEqual("3.5", c[3]); // documented: spelling past the ceiling is not kept
        Assert.AreEqual("word", c[10]);
    }

    [TestMethod]
    public void CategoricalOverflowTurnsIntoTextKeepingEveryValue()
    {
        var options = CsvOptions.Default with { MaxCategories = 3 };
        var frame = CsvText.Read("c\na\nb\nNA\nc\nd\na\n", options);
        var c = (TextColumn)frame["c"];
        CollectionAssert.AreEqual(new[] { "a", "b", null, "c", "d", "a" }, c.Values.ToArray());
    }

    [TestMethod]
    public void DeclaredCategoricalHasNoCeiling()
    {
        var options = CsvOptions.Default with { MaxCategories = 3, ColumnKinds = new Dictionary<string, ColumnKind> { ["c"] = ColumnKind.Categorical } };
        Assert.AreEqual(ColumnKind.Categorical, KindOf(100, 100, options));
    }
}
