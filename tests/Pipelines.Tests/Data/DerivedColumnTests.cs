using Pipelines.Data;
using Pipelines.Transforms.Cleaning;
using Pipelines.Transforms.Encoding;

namespace Pipelines.Tests.Data;

[TestClass]
public sealed class DerivedColumnTests
{
    // More rows than a block of MissingCount, and a count that is no multiple of one.
    private const int Rows = 2500;

    /// <summary>A color with a missing value every 7th row and a number with NaN every 5th.</summary>
    private static DataFrame Frame()
    {
        string[] palette = ["red", "green", "blue"];
        return new DataFrame([
            CategoricalColumn.FromValues("color", [.. Enumerable.Range(0, Rows).Select(i => i % 7 == 0 ? null : palette[i / 3 % 3])]),
            new NumericColumn("x", [.. Enumerable.Range(0, Rows).Select(i => i % 5 == 0 ? float.NaN : i * 0.5f)]),
        ]);
    }

    [TestMethod]
    public void OneHotColumnsAreDerivedAndReadAlikeEveryWay()
    {
        var input = Frame();
        var encoded = new OneHotEncode(Missing: OneHotMissing.OwnColumn).Fit(input).Transform(input);
        var color = input.Categorical("color");
        foreach (var name in new[] { "blue", "green", "red", OneHotEncoder.MissingName })
        {
            var column = encoded.Numeric($"color={name}");
            Assert.IsTrue(column.IsDerived, name);
            var expected = Enumerable.Range(0, Rows).Select(r => (name == OneHotEncoder.MissingName ? color.ValueAt(r) is null : color.ValueAt(r) == name) ? 1f : 0f).ToArray();
            AssertReadsAs(expected, column);
        }
    }

    [TestMethod]
    public void ImputedColumnsAreDerivedAndReadAlikeEveryWay()
    {
        var input = Frame();
        var imputer = new ImputeMissing().Fit(input);
        var x = imputer.Transform(input).Numeric("x");
        Assert.IsTrue(x.IsDerived);
        var fill = imputer.NumericFills[imputer.NumericColumns.ToList().IndexOf("x")];
        var expected = input.Numeric("x").ToArray().Select(v => float.IsNaN(v) ? fill : v).ToArray();
        AssertReadsAs(expected, x);
    }

    [TestMethod]
    public void CopyToRefusesRowsPastTheEnd()
    {
        var input = Frame();
        var x = new ImputeMissing().Fit(input).Transform(input).Numeric("x");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => x.CopyTo(Rows - 2, new float[3]));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => x.CopyTo(-1, new float[3]));
    }

    private static void AssertReadsAs(float[] expected, NumericColumn column)
    {
        CollectionAssert.AreEqual(expected, column.Values.ToArray(), "Values");
        CollectionAssert.AreEqual(expected, column.Memory.ToArray(), "Memory");
        CollectionAssert.AreEqual(expected, column.ToArray(), "ToArray");
        CollectionAssert.AreEqual(expected, Enumerable.Range(0, Rows).Select(r => column[r]).ToArray(), "indexer");
        var blocks = new float[Rows];
        for (var start = 0; start < Rows; start += 333) column.CopyTo(start, blocks.AsSpan(start, Math.Min(333, Rows - start)));
        CollectionAssert.AreEqual(expected, blocks, "CopyTo a block at a time");
        Assert.AreEqual(expected.Count(float.IsNaN), column.MissingCount(), "MissingCount");
        Assert.IsTrue(column.ContentEquals(new NumericColumn(column.Name, expected)), "ContentEquals");
        CollectionAssert.AreEqual(new[] { expected[7], expected[0], expected[Rows - 1] }, ((NumericColumn)column.Take([7, 0, Rows - 1])).Values.ToArray(), "Take");
        var renamed = (NumericColumn)column.Rename("other");
        Assert.IsTrue(renamed.IsDerived, "a renamed derived column stays derived");
        CollectionAssert.AreEqual(expected, renamed.ToArray(), "Rename");
        Assert.AreEqual(column.FormatValue(3), expected[3].ToString("R", System.Globalization.CultureInfo.InvariantCulture), "FormatValue");
    }
}
