using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Evaluation;
using Pipelines.Transforms.Encoding;

namespace Pipelines.Tests.Transforms;

[TestClass]
public sealed class EncodingTargetTests
{
    private static readonly FloatComparer Close = new(1e-6f);

    private static DataFrame Binary(string?[] c, string?[] y) =>
        new([CategoricalColumn.FromValues("c", c), CategoricalColumn.FromValues("y", y)], label: "y");

    [TestMethod]
    public void BinarySmoothedMeanOfThePositiveClass()
    {
        // prior 3/6 = 0.5; m = 2. a: n 3, sum 2 -> (2 + 1) / 5 = 0.6; b: n 2, sum 0 -> 1 / 4; missing -> prior.
        var frame = Binary(["a", "a", "a", "b", "b", null], ["yes", "no", "yes", "no", "no", "yes"]);
        var model = new TargetEncode(Smoothing: 2).Fit(frame);
        CollectionAssert.AreEqual(new[] { 0.6f, 0.6f, 0.6f, 0.25f, 0.25f, 0.5f }, model.Transform(frame).Numeric("c").ToArray(), Close);
        // Unseen 'q' -> prior; categories matched by name under another coding.
        var test = new DataFrame([new CategoricalColumn("c", [0, 1, 2], ["q", "b", "a"])]);
        CollectionAssert.AreEqual(new[] { 0.5f, 0.25f, 0.6f }, model.Transform(test).Numeric("c").ToArray(), Close);
    }

    [TestMethod]
    public void PositiveClassCanBeChosen()
    {
        // Share of 'no': prior 0.5; a: n 3, sum 1 -> (1 + 1) / 5 = 0.4.
        var frame = Binary(["a", "a", "a", "b", "b", null], ["yes", "no", "yes", "no", "no", "yes"]);
        var output = new TargetEncode(Smoothing: 2, PositiveClass: "no").Fit(frame).Transform(frame);
        Assert.AreEqual(0.4f, output.Numeric("c")[0], 1e-6f);
        Assert.ThrowsExactly<ArgumentException>(() => new TargetEncode(PositiveClass: "maybe").Fit(frame));
    }

    [TestMethod]
    public void NumericLabelSmoothedMean()
    {
        // prior 14/3; m = 1. a: (1 + 3 + 14/3) / 3 = 26/9; b: (10 + 14/3) / 2 = 22/3.
        var frame = new DataFrame([CategoricalColumn.FromValues("c", ["a", "a", "b"]), new NumericColumn("t", [1, 3, 10])], label: "t");
        var output = new TargetEncode(Smoothing: 1).Fit(frame).Transform(frame);
        CollectionAssert.AreEqual(new[] { 26 / 9f, 26 / 9f, 22 / 3f }, output.Numeric("c").ToArray(), Close);
    }

    [TestMethod]
    public void MulticlassOneColumnPerClassAndMissingLabelsAreSkipped()
    {
        // m = 0: plain shares. The last row has no label and must not count; it is still encoded (as 'a').
        var frame = Binary(["a", "a", "b", "b", "a"], ["p", "q", "r", "p", null]);
        var output = new TargetEncode(Smoothing: 0).Fit(frame).Transform(frame);
        CollectionAssert.AreEqual(new[] { "c=>p", "c=>q", "c=>r", "y" }, output.Names.ToArray());
        CollectionAssert.AreEqual(new[] { 0.5f, 0.5f, 0.5f, 0.5f, 0.5f }, output.Numeric("c=>p").ToArray(), Close);
        CollectionAssert.AreEqual(new[] { 0.5f, 0.5f, 0f, 0f, 0.5f }, output.Numeric("c=>q").ToArray(), Close);
        CollectionAssert.AreEqual(new[] { 0f, 0f, 0.5f, 0.5f, 0f }, output.Numeric("c=>r").ToArray(), Close);
    }

    [TestMethod]
    public void OutOfFoldLeaveOneOutByHand()
    {
        // Folds = rows makes every row its own fold whatever the shuffle: each row is encoded from the other four.
        // m = 1.
        //   row 0 (a, yes): others no,yes,no,yes  prior 1/2; a: rows 1,2 sum 1 n 2 -> (1 + .5) / 3  = 1/2
        //   row 1 (a, no):  others yes,yes,no,yes prior 3/4; a: rows 0,2 sum 2 n 2 -> (2 + .75) / 3 = 11/12
        //   row 2 (a, yes): others yes,no,no,yes  prior 1/2; a: rows 0,1 sum 1 n 2 -> 1/2
        //   row 3 (b, no):  others yes,no,yes,yes prior 3/4; b: row 4 sum 1 n 1  -> (1 + .75) / 2 = 7/8
        //   row 4 (b, yes): others yes,no,yes,no  prior 1/2; b: row 3 sum 0 n 1  -> (0 + .5) / 2  = 1/4
        // All rows: prior 3/5; a: (2 + .6) / 4 = 0.65; b: (1 + .6) / 3 = 8/15.
        var frame = Binary(["a", "a", "a", "b", "b"], ["yes", "no", "yes", "no", "yes"]);
        var fitted = new TargetEncode(Smoothing: 1, Folds: 5).FitTransform(frame);
        CollectionAssert.AreEqual(new[] { 0.5f, 11 / 12f, 0.5f, 7 / 8f, 0.25f }, fitted.Output.Numeric("c").ToArray(), Close);
        CollectionAssert.AreEqual(new[] { 0.65f, 0.65f, 0.65f, 8 / 15f, 8 / 15f }, fitted.Transformer.Transform(frame).Numeric("c").ToArray(), Close);
    }

    [TestMethod]
    public void OutOfFoldUsesTheSeededStratifiedFolds()
    {
        var frame = Binary(
            ["a", "a", "b", "a", "b", "c", "a", "b", "c", "c", "a", "b"],
            ["yes", "no", "no", "yes", "yes", "no", "no", "no", "yes", "no", "yes", "no"]);
        var output = new TargetEncode(Smoothing: 1, Folds: 3, Seed: 11).FitTransform(frame).Output.Numeric("c").ToArray();
        // Recompute each fold the plain way: statistics from the training part, applied to the test part.
        var codes = frame.Categorical("c");
        var isYes = frame.Categorical("y");
        var expected = new float[frame.RowCount];
        foreach (var fold in Split.StratifiedKFold(frame, 3, 11))
        {
            var prior = fold.Train.Average(r => isYes.ValueAt(r) == "yes" ? 1.0 : 0.0);
            foreach (var row in fold.Test)
            {
                var same = fold.Train.Where(r => codes.ValueAt(r) == codes.ValueAt(row)).ToArray();
                var sum = same.Sum(r => isYes.ValueAt(r) == "yes" ? 1.0 : 0.0);
                expected[row] = (float)((sum + prior) / (same.Length + 1));
            }
        }
        CollectionAssert.AreEqual(expected, output, Close);
        var full = new TargetEncode(Smoothing: 1, Folds: 3, Seed: 11).Fit(frame).Transform(frame).Numeric("c").ToArray();
        CollectionAssert.AreNotEqual(full, output, Close, "out-of-fold output should differ from Fit().Transform()");
    }

    [TestMethod]
    public void AChainLearnsFromTheOutOfFoldRows()
    {
        var frame = Binary(["a", "a", "a", "b", "b"], ["yes", "no", "yes", "no", "yes"]);
        var chain = new TargetEncode(Smoothing: 1, Folds: 5).Append(new Pipelines.Transforms.Normalization.ZScoreNormalize());
        var training = chain.FitTransform(frame).Output.Numeric("c").ToArray();
        // z-scores of the out-of-fold values 1/2, 11/12, 1/2, 7/8, 1/4, not of the full-data ones.
        var oof = new[] { 0.5, 11 / 12.0, 0.5, 7 / 8.0, 0.25 };
        var mean = oof.Average();
        var std = Math.Sqrt(oof.Average(v => (v - mean) * (v - mean)));
        CollectionAssert.AreEqual(oof.Select(v => (float)((v - mean) / std)).ToArray(), training, new FloatComparer(1e-5f));
    }

    [TestMethod]
    public void NeedsALabelAndEnoughRows()
    {
        var unlabeled = new DataFrame([CategoricalColumn.FromValues("c", ["a", "b"])]);
        StringAssert.Contains(Assert.ThrowsExactly<SchemaException>(() => new TargetEncode().Fit(unlabeled)).Message, "label");
        StringAssert.Contains(Assert.ThrowsExactly<SchemaException>(() => new TargetEncode().GetOutputSchema(unlabeled.Schema)).Message, "label");
        var small = Binary(["a", "b", "a"], ["yes", "no", "no"]);
        Assert.ThrowsExactly<DataValueException>(() => new TargetEncode(Folds: 5).FitTransform(small));
        var oneClass = Binary(["a", "b", "a"], ["no", "no", "no"]);
        Assert.ThrowsExactly<DataValueException>(() => new TargetEncode().Fit(oneClass));
    }

    [TestMethod]
    public void BadOptionsAreRefused()
    {
        var frame = Binary(["a", "a", "b", "b"], ["yes", "no", "yes", "no"]);
        Assert.ThrowsExactly<ArgumentException>(() => new TargetEncode(Smoothing: -1).Fit(frame));
        Assert.ThrowsExactly<ArgumentException>(() => new TargetEncode(Folds: 1).FitTransform(frame));
    }

    [TestMethod]
    public void EstimatorSchemaIsExactOnlyWhenTheOutputsAreKnown()
    {
        var binary = Binary(["a", "b"], ["yes", "no"]).Schema;
        Assert.IsFalse(new TargetEncode().GetOutputSchema(binary).IsExact);
        var oneClass = new TargetEncode(PositiveClass: "yes").GetOutputSchema(binary);
        Assert.IsTrue(oneClass.IsExact);
        Assert.AreEqual(new ColumnSchema("c", ColumnKind.Numeric), oneClass[0]);
        var numeric = new DataFrame([CategoricalColumn.FromValues("c", ["a"]), new NumericColumn("t", [1])], label: "t").Schema;
        Assert.IsTrue(new TargetEncode().GetOutputSchema(numeric).IsExact);
    }
}
