using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Transforms.Reduction;

namespace Pipelines.Tests.Transforms;

[TestClass]
public sealed class LdaReductionTests
{
    // Class A: square corners around (1, 1); class B: the same square around (5, 3). Pooled within-class
    // covariance (over n = 8) is the identity, so Fisher's direction is (mu_B - mu_A) = (4, 2), scaled to
    // unit length (w' S_w w = 1): w = (2, 1) / sqrt(5). The overall mean is (3, 2).
    private static DataFrame Squares() => new(
    [
        new NumericColumn("u", [0, 2, 0, 2, 4, 6, 4, 6]),
        new NumericColumn("v", [0, 0, 2, 2, 2, 2, 4, 4]),
        CategoricalColumn.FromValues("y", ["A", "A", "A", "A", "B", "B", "B", "B"]),
    ], label: "y");

    [TestMethod]
    public void FisherDirectionOfTwoSquares()
    {
        var model = new Lda().Fit(Squares());
        var root5 = (float)Math.Sqrt(5);
        CollectionAssert.AreEqual(new[] { 2 / root5, 1 / root5 }, model.Scalings.ToArray(), new FloatComparer(1e-5f));
        CollectionAssert.AreEqual(new[] { 3f, 2f }, model.Means.ToArray(), new FloatComparer(1e-6f));
        Assert.AreEqual(1.0, model.ExplainedVarianceRatio[0], 1e-9);

        var ld = model.Transform(Squares()).Numeric("ld1").ToArray();
        // Row (0, 0): ((0 - 3) * 2 + (0 - 2) * 1) / sqrt(5) = -8 / sqrt(5).
        Assert.AreEqual(-8 / root5, ld[0], 1e-4f);
        // Class means project to -sqrt(5) and +sqrt(5).
        Assert.AreEqual(-root5, ld.Take(4).Average(), 1e-4);
        Assert.AreEqual(root5, ld.Skip(4).Average(), 1e-4);
        CollectionAssert.AreEqual(new[] { "ld1", "y" }, model.Transform(Squares()).Names.ToArray());
    }

    [TestMethod]
    public void ThreeClassesGiveTwoDiscriminants()
    {
        var frame = new DataFrame(
        [
            new NumericColumn("a", [0, 1, 0, 5, 6, 5, 0, 1, 0]),
            new NumericColumn("b", [0, 0, 1, 0, 0, 1, 5, 5, 6]),
            new NumericColumn("c", [1, 2, 3, 1, 3, 2, 2, 1, 3]),
            CategoricalColumn.FromValues("y", ["p", "p", "p", "q", "q", "q", "r", "r", "r"]),
        ], label: "y");
        var estimator = new Lda();
        Assert.IsFalse(estimator.GetOutputSchema(frame.Schema).IsExact);
        var model = estimator.Fit(frame);
        CollectionAssert.AreEqual(new[] { "ld1", "ld2", "y" }, model.Transform(frame).Names.ToArray());
        Assert.AreEqual(1.0, model.ExplainedVarianceRatio.Sum(), 1e-9);
        Assert.IsTrue(model.ExplainedVarianceRatio[0] >= model.ExplainedVarianceRatio[1]);
        Assert.ThrowsExactly<DataValueException>(() => new Lda(Components: 3).Fit(frame));
    }

    [TestMethod]
    public void DuplicatedColumnsWorkWithShrinkageOnly()
    {
        var data = Squares();
        var frame = data.With(new NumericColumn("u2", data.Numeric("u").ToArray()));
        var output = new Lda().Fit(frame).Transform(frame).Numeric("ld1").ToArray();
        Assert.IsTrue(output.All(float.IsFinite));
        Assert.IsTrue(output.Take(4).Max() < output.Skip(4).Min(), "the discriminant should still separate the classes");
        Assert.ThrowsExactly<DataValueException>(() => new Lda(Shrinkage: 0).Fit(frame));
    }

    [TestMethod]
    public void NeedsACategoricalLabelWithTwoClasses()
    {
        var data = Squares();
        Assert.ThrowsExactly<SchemaException>(() => new Lda().Fit(data.WithLabel(null)));
        var numericLabel = data.Without("y").With(new NumericColumn("t", [1, 2, 3, 4, 5, 6, 7, 8])).WithLabel("t");
        Assert.ThrowsExactly<SchemaException>(() => new Lda().Fit(numericLabel));
        var error = Assert.ThrowsExactly<DataValueException>(() => new Lda().Fit(data.Head(4)));
        StringAssert.Contains(error.Message, "two");
    }
}
