using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Transforms.Reduction;

namespace Pipelines.Tests.Transforms;

[TestClass]
public sealed class PcaReductionTests
{
    // A cross of four points: covariance (n - 1 = 3) is diag(8/3, 2/3), so the axes are the components.
    private static DataFrame Cross() => new(
    [
        new NumericColumn("a", [2, -2, 0, 0]),
        CategoricalColumn.FromValues("kind", ["p", "q", "p", "q"]),
        new NumericColumn("b", [0, 0, 1, -1]),
        new NumericColumn("y", [1, 2, 3, 4]),
    ], label: "y");

    [TestMethod]
    public void AxesOfACrossAreTheComponents()
    {
        var model = new Pca().Fit(Cross());
        CollectionAssert.AreEqual(new[] { 8.0 / 3, 2.0 / 3 }, model.ExplainedVariance.ToArray(), new DoubleComparer(1e-9));
        CollectionAssert.AreEqual(new[] { 0.8, 0.2 }, model.ExplainedVarianceRatio.ToArray(), new DoubleComparer(1e-9));
        CollectionAssert.AreEqual(new[] { 1f, 0f, 0f, 1f }, model.Loadings.Select(Math.Abs).ToArray(), new FloatComparer(1e-6f));
        // Sign convention: the largest loading of each component is positive.
        Assert.IsTrue(model.Loadings[0] > 0 && model.Loadings[3] > 0);

        var output = model.Transform(Cross());
        CollectionAssert.AreEqual(new[] { "pc1", "pc2", "kind", "y" }, output.Names.ToArray());
        CollectionAssert.AreEqual(new[] { 2f, -2f, 0f, 0f }, output.Numeric("pc1").ToArray(), new FloatComparer(1e-6f));
        CollectionAssert.AreEqual(new[] { 0f, 0f, 1f, -1f }, output.Numeric("pc2").ToArray(), new FloatComparer(1e-6f));
        Assert.AreEqual("y", output.LabelName);
    }

    [TestMethod]
    public void WhiteningGivesUnitVariance()
    {
        var output = new Pca(Whiten: true).Fit(Cross()).Transform(Cross());
        var s1 = (float)Math.Sqrt(8.0 / 3);
        var s2 = (float)Math.Sqrt(2.0 / 3);
        CollectionAssert.AreEqual(new[] { 2 / s1, -2 / s1, 0f, 0f }, output.Numeric("pc1").ToArray(), new FloatComparer(1e-5f));
        CollectionAssert.AreEqual(new[] { 0f, 0f, 1 / s2, -1 / s2 }, output.Numeric("pc2").ToArray(), new FloatComparer(1e-5f));
    }

    [TestMethod]
    public void PointsOnALineNeedOneComponent()
    {
        // y = 2x + 1: all variance lies along (1, 2) / sqrt(5).
        var frame = new DataFrame([new NumericColumn("x", [0, 1, 2, 3]), new NumericColumn("z", [1, 3, 5, 7])]);
        var estimator = new Pca(VarianceFraction: 0.95);
        Assert.IsFalse(estimator.GetOutputSchema(frame.Schema).IsExact);
        var model = estimator.Fit(frame);
        Assert.AreEqual(1, model.ExplainedVariance.Count);
        Assert.AreEqual(1.0, model.ExplainedVarianceRatio[0], 1e-9);
        var root5 = (float)Math.Sqrt(5);
        CollectionAssert.AreEqual(new[] { 1 / root5, 2 / root5 }, model.Loadings.ToArray(), new FloatComparer(1e-6f));
        // Centered at (1.5, 4): the first point is at -1.5 * (1, 2), i.e. -1.5 * sqrt(5) along the component.
        Assert.AreEqual(-1.5f * root5, model.Transform(frame).Numeric("pc1")[0], 1e-5f);
        CollectionAssert.AreEqual(new[] { "pc1" }, model.Transform(frame).Names.ToArray());
    }

    [TestMethod]
    public void FixedCountGivesExactSchemaBeforeFitting()
    {
        var schema = new Pca(Components: 1).GetOutputSchema(Cross().Schema);
        Assert.IsTrue(schema.IsExact);
        CollectionAssert.AreEqual(new[] { "pc1", "kind", "y" }, schema.Columns.Select(c => c.Name).ToArray());
    }

    [TestMethod]
    public void MissingValuesAreRefusedAtTransformToo()
    {
        var model = new Pca().Fit(Cross());
        var dirty = Cross().With(new NumericColumn("b", [0, float.NaN, 1, -1]));
        var error = Assert.ThrowsExactly<DataValueException>(() => model.Transform(dirty));
        StringAssert.Contains(error.Message, "'b'");
        StringAssert.Contains(error.Message, "ImputeMissing");
    }

    [TestMethod]
    public void BadOptionsAreClearErrors()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new Pca(Components: 3).Fit(Cross()));
        Assert.ThrowsExactly<ArgumentException>(() => new Pca(Components: 1, VarianceFraction: 0.5).Fit(Cross()));
        Assert.ThrowsExactly<ArgumentException>(() => new Pca(VarianceFraction: 1.5).Fit(Cross()));
    }

    [TestMethod]
    public void AnOutputNameClashIsASchemaError()
    {
        var frame = Cross().With(new NumericColumn("pc1", [1, 1, 1, 1]));
        Assert.ThrowsExactly<SchemaException>(() => new Pca(Columns: ["a", "b"]).Fit(frame).Transform(frame));
    }
}

/// <summary>Compares doubles within a tolerance, NaN equal to NaN.</summary>
public sealed class DoubleComparer(double tolerance) : System.Collections.IComparer
{
    public int Compare(object? x, object? y)
    {
        var a = (double)x!;
        var b = (double)y!;
        if (double.IsNaN(a) && double.IsNaN(b)) return 0;
        if (a == b) return 0;
        return Math.Abs(a - b) <= tolerance ? 0 : a.CompareTo(b);
    }
}
