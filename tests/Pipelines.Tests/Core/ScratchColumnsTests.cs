using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Tests.Contract;
using Pipelines.Transforms.Cleaning;
using Pipelines.Transforms.Normalization;

namespace Pipelines.Tests.Core;

[TestClass]
public sealed class ScratchColumnsTests
{
    /// <summary>A step for the test: returns its input and records, per call, which of its columns were scratch.</summary>
    private sealed class ScratchProbe : IEstimator<ScratchProbe>, IScratchTransformer
    {
        public List<string[]> Seen { get; } = [];

        public DataSchema GetOutputSchema(DataSchema input) => input;

        public ScratchProbe Fit(DataFrame input) => this;

        public DataFrame Transform(DataFrame input) => Transform(input, ScratchColumns.None);

        public DataFrame Transform(DataFrame input, ScratchColumns scratch)
        {
            Seen.Add([.. input.Columns.Where(scratch.Contains).Select(c => c.Name)]);
            return input;
        }
    }

    // 'a' has a missing value, 'b' has none.
    private static DataFrame Frame() => new([
        new NumericColumn("a", [1, float.NaN, 3, 8, 2]),
        new NumericColumn("b", [4, 5, 6, 7, 9]),
    ]);

    [TestMethod]
    public void ColumnsAnEarlierStepMadeAreScratchAndTheCallersAreNot()
    {
        var probe = new ScratchProbe();
        // The scaler makes a new 'a' and passes 'b' through.
        var model = new ZScoreNormalize(["a"]).Append(probe).Append(new ScratchProbe()).Fit(Frame());
        CollectionAssert.AreEqual(new[] { "a" }, probe.Seen.Single(), "while fitting");
        model.Transform(Frame());
        CollectionAssert.AreEqual(new[] { "a" }, probe.Seen[1], "at Transform");
        probe.Transform(Frame(), ScratchColumns.None);
        Assert.AreEqual(0, probe.Seen[2].Length, "no scratch outside a chain");
    }

    [TestMethod]
    public void AColumnSharingAnInputColumnsValuesIsNotScratch()
    {
        var input = Frame();
        var scratch = ScratchColumns.Outside(input);
        Assert.IsFalse(scratch.Contains(input["b"].Rename("c")), "a renamed input column shares the caller's values");
        Assert.IsTrue(scratch.Contains(new NumericColumn("b", [4, 5, 6, 7, 9])), "equal values in an array of its own");
    }

    [TestMethod]
    public void StepsWriteIntoScratchColumnsAndCopyTheOthers()
    {
        var input = Frame();
        var clipped = new ClipOutliers().Fit(input).Transform(input);
        var imputed = new ImputeMissing().Fit(clipped).Transform(clipped, ScratchColumns.Outside(input));
        Assert.IsTrue(imputed.Numeric("a").Values.Overlaps(clipped.Numeric("a").Values), "the clipper's column is filled in place");
        var scaler = new ZScoreNormalize().Fit(input);
        var scaled = scaler.Transform(input, ScratchColumns.Outside(input));
        Assert.IsFalse(scaled.Numeric("b").Values.Overlaps(input.Numeric("b").Values), "the caller's column is copied");
        Assert.AreEqual(5f, input.Numeric("b")[1], "the caller's column is unchanged");
    }

    [TestMethod]
    public void AnImputedCallersColumnIsDerivedNotScratchAndReadThrough()
    {
        var input = Frame();
        var imputed = new ImputeMissing().Fit(input).Transform(input, ScratchColumns.Outside(input));
        var a = imputed.Numeric("a");
        Assert.IsTrue(a.IsDerived, "the caller's column is read through, not copied");
        Assert.IsFalse(ScratchColumns.Outside(input).Contains(a), "a derived column has no array to write");
        CollectionAssert.AreEqual(new[] { 1f, 3.5f, 3, 8, 2 }, a.ToArray());
        var scaled = new ZScoreNormalize().Fit(imputed).Transform(imputed, ScratchColumns.Outside(input));
        Assert.IsFalse(scaled.Numeric("a").IsDerived, "a step after it writes an array of its own");
        Assert.IsTrue(float.IsNaN(input.Numeric("a")[1]), "the caller's column is unchanged");
    }

    [TestMethod]
    public void ChainsGiveWhatTheirStepsGiveOneByOne()
    {
        var input = Frame();
        var snapshot = input.Take([0, 1, 2, 3, 4]);
        var chain = new ClipOutliers().Append(new ImputeMissing()).Append(new ZScoreNormalize()).Append(new Log1pTransform());
        var fitted = chain.FitTransform(input);
        var model = (TransformerChain)fitted.Transformer;
        var expected = input;
        foreach (var step in model.Steps) expected = step.Transform(expected);
        ContractSuite.AssertFramesEqual(expected, fitted.Output, "while fitting");
        ContractSuite.AssertFramesEqual(expected, model.Transform(input), "at Transform");
        ContractSuite.AssertFramesEqual(snapshot, input, "the chain's input");
    }
}
