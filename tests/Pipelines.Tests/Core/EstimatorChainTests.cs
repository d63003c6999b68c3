using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Transforms.Normalization;

namespace Pipelines.Tests.Core;

[TestClass]
public sealed class EstimatorChainTests
{
    /// <summary>A fit-time row step for the test: keeps the first two rows.</summary>
    private sealed record KeepTwoRows : TrainingRowStep
    {
        protected override DataFrame ChangeRows(DataFrame input) => input.Head(2);
    }

    /// <summary>A step for the test that counts its transforms.</summary>
    private sealed class CountingStep : IEstimator<CountingStep>, ITransformer
    {
        public int Transforms { get; private set; }

        public DataSchema GetOutputSchema(DataSchema input) => input;

        public CountingStep Fit(DataFrame input) => this;

        public DataFrame Transform(DataFrame input)
        {
            Transforms++;
            return input;
        }
    }

    private static DataFrame Frame() => new([new NumericColumn("a", [0, 10, 1000, 5000])]);

    [TestMethod]
    public void FitDoesNotTransformThroughTheLastStep()
    {
        var (first, last) = (new CountingStep(), new CountingStep());
        var chain = new EstimatorChain([first, last]);
        chain.Fit(Frame());
        Assert.AreEqual((1, 0), (first.Transforms, last.Transforms), "Fit: the last step's output is not made (for a learner, a prediction of every row)");
        chain.FitTransform(Frame());
        Assert.AreEqual((2, 1), (first.Transforms, last.Transforms), "FitTransform makes it");
    }

    [TestMethod]
    public void LaterStepsLearnFromRowsChangedWhileFitting()
    {
        // The scaler must see only rows 0 and 10 (mean 5, std 5), not the outliers dropped while fitting.
        var model = new KeepTwoRows().Append(new ZScoreNormalize()).Fit(Frame());
        var scaler = (AffineNormalizer)model.Steps[1];
        Assert.AreEqual(5f, scaler.Offsets[0]);
        Assert.AreEqual(0.2f, scaler.Scales[0], 1e-7f);
        Assert.AreEqual(4, model.Transform(Frame()).RowCount, "rows are never dropped at Transform time");
    }

    [TestMethod]
    public void AppendLeavesTheOriginalChainUnchanged()
    {
        var one = new KeepTwoRows().Append(new ZScoreNormalize());
        var two = one.Append(new ZScoreNormalize());
        Assert.AreEqual(2, one.Steps.Count);
        Assert.AreEqual(3, two.Steps.Count);
    }

    [TestMethod]
    public void ChainSchemaIsTheLastStepsSchema()
    {
        var chain = new ZScoreNormalize().Append(new ZScoreNormalize(["a"]));
        Assert.AreEqual(Frame().Schema, chain.GetOutputSchema(Frame().Schema));
        var missing = Assert.ThrowsExactly<Pipelines.Errors.SchemaException>(() => new ZScoreNormalize(["b"]).Append(new ZScoreNormalize()).GetOutputSchema(Frame().Schema));
        StringAssert.Contains(missing.Message, "'b'");
    }
}
