using Pipelines.Data;
using Pipelines.Profiling;
using Pipelines.Statistics;

namespace Pipelines.Tests.Profiling;

[TestClass]
public sealed class DataProfileTests
{
    private const double Tolerance = 1e-9;
    private static readonly ProfileOptions Options = new(TopCategories: 2, MaxOneHotCategories: 3);

    /// <summary>10 rows; rows 8 and 9 are identical (NaN in x in both).</summary>
    private static DataFrame Frame()
    {
        var nan = float.NaN;
        return new DataFrame(
        [
            new NumericColumn("x", [-1, 2, 3, 4, 5, 6, 7, 100, nan, nan]),
            new NumericColumn("skewed", [0, 0, 0, 0, 0, 0, 0, 50, 1, 1]),
            new NumericColumn("flat", [5, 5, 5, 5, 5, 5, 5, 5, 5, 5]),
            new NumericColumn("empty", [nan, nan, nan, nan, nan, nan, nan, nan, nan, nan]),
            CategoricalColumn.FromValues("color", ["red", "red", "blue", "red", "green", null, "blue", "red", "red", "red"]),
            CategoricalColumn.FromValues("city", ["c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c8"]),
            new TextColumn("note", ["n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7", null, null]),
            CategoricalColumn.FromValues("y", ["no", "no", "no", "no", "no", "no", "no", "no", "yes", "yes"]),
        ], label: "y");
    }

    [TestMethod]
    public void NumericColumnSummary()
    {
        var x = DataProfile.Compute(Frame(), Options)["x"];
        Assert.AreEqual(ColumnKind.Numeric, x.Kind);
        Assert.AreEqual(ColumnRole.Feature, x.Role);
        Assert.AreEqual(0.2, x.MissingFraction, Tolerance);
        Assert.AreEqual(8, x.DistinctCount);
        Assert.IsFalse(x.IsConstant);
        Assert.IsNull(x.TopCategories);
        var n = x.Numeric!;
        Assert.AreEqual(-1, n.Min);
        Assert.AreEqual(100, n.Max);
        // Mean 126 / 8 = 15.75; population std √(Σx²/8 − mean²) with Σx² = 1 + 4 + 9 + ... + 49 + 10000 = 10140.
        Assert.AreEqual(15.75, n.Mean, Tolerance);
        Assert.AreEqual(Math.Sqrt(10140 / 8.0 - 15.75 * 15.75), n.Std, 1e-6);
        // Sorted -1,2,3,4,5,6,7,100: Q1 at 1.75 -> 2.75, Q3 at 5.25 -> 6.25, IQR 3.5, fences 2.75 - 5.25, 6.25 + 5.25.
        Assert.AreEqual(-2.5, n.LowerFence, Tolerance);
        Assert.AreEqual(11.5, n.UpperFence, Tolerance);
        Assert.AreEqual(1, n.OutlierCount); // only 100; -1 is inside
        Assert.IsTrue(n.Skewness > 2);
    }

    [TestMethod]
    public void ConstantAndAllMissingColumns()
    {
        var profile = DataProfile.Compute(Frame(), Options);
        var flat = profile["flat"];
        Assert.IsTrue(flat.IsConstant);
        Assert.AreEqual(1, flat.DistinctCount);
        Assert.AreEqual(0, flat.Numeric!.OutlierCount);
        Assert.AreEqual(0, flat.Numeric.Skewness);
        var empty = profile["empty"];
        Assert.IsTrue(empty.IsConstant);
        Assert.AreEqual(1.0, empty.MissingFraction);
        Assert.AreEqual(0, empty.DistinctCount);
        Assert.IsTrue(double.IsNaN(empty.Numeric!.Mean));
        Assert.AreEqual(0, empty.Numeric.OutlierCount);
    }

    [TestMethod]
    public void CategoricalAndTextColumns()
    {
        var profile = DataProfile.Compute(Frame(), Options);
        var color = profile["color"];
        Assert.AreEqual(ColumnKind.Categorical, color.Kind);
        Assert.AreEqual(0.1, color.MissingFraction, Tolerance);
        Assert.AreEqual(3, color.DistinctCount);
        Assert.IsNull(color.Numeric);
        // red 6, blue 2, green 1; only the top 2 are listed.
        CollectionAssert.AreEqual(new[] { new CategoryCount("red", 6), new CategoryCount("blue", 2) }, color.TopCategories!.ToArray());
        Assert.AreEqual(9, profile["city"].DistinctCount);
        var note = profile["note"];
        Assert.AreEqual(ColumnKind.Text, note.Kind);
        Assert.AreEqual(8, note.DistinctCount);
        Assert.AreEqual(0.2, note.MissingFraction, Tolerance);
        Assert.AreEqual(ColumnRole.Label, profile["y"].Role);
    }

    [TestMethod]
    public void DuplicatesAndLabelBalance()
    {
        var profile = DataProfile.Compute(Frame(), Options);
        Assert.AreEqual(10, profile.RowCount);
        Assert.AreEqual(8, profile.Columns.Count);
        Assert.AreEqual(1, profile.DuplicateRowCount); // row 9 repeats row 8, NaN and all
        Assert.AreEqual("y", profile.Label!.Name);
        CollectionAssert.AreEqual(new[] { new CategoryCount("no", 8), new CategoryCount("yes", 2) }, profile.Label.ClassCounts.ToArray());
        Assert.AreEqual(4.0, profile.Label.ImbalanceRatio);
    }

    [TestMethod]
    public void SuggestedFixes()
    {
        var fixes = DataProfile.Compute(Frame(), Options).Fixes;
        string Describe(SuggestedFix f) => $"{f.Step}:{string.Join("+", f.Columns)}";
        CollectionAssert.AreEqual(
            new[]
            {
                "DropDuplicateRows:",
                "DropConstantColumns:flat+empty",
                "ImputeMissing:x+color",
                "Log1pTransform:skewed",
                "ClipOutliers:x",
                "OneHotEncode:color",
                "TargetEncode:city",
                "SMOTE/ClassWeights:y",
            },
            fixes.Select(Describe).ToArray());
        StringAssert.Contains(fixes[0].Issue, "1 duplicate");
        StringAssert.Contains(fixes[^1].Issue, "4");
    }

    [TestMethod]
    public void Classes_written_in_two_cases_are_named_with_what_to_do()
    {
        var frame = new DataFrame(
        [
            new NumericColumn("a", [1, 2, 3, 4, 5, 6]),
            CategoricalColumn.FromValues("y", ["Yes", "no", "yes", "No", "maybe", " YES"]),
        ], label: "y");
        var label = DataProfile.Compute(frame).Label!;
        Assert.AreEqual(2, label.SpellingVariants.Count);
        CollectionAssert.AreEqual(new[] { "Yes", "yes", " YES" }, label.SpellingVariants[0].ToArray());
        CollectionAssert.AreEqual(new[] { "no", "No" }, label.SpellingVariants[1].ToArray());
        StringAssert.Contains(label.DescribeSpellingVariants(), "('Yes' and 'yes' and ' YES'; 'no' and 'No')");
        Assert.IsNull(DataProfile.Compute(Frame(), Options).Label!.DescribeSpellingVariants());
    }

    [TestMethod]
    public void A_feature_that_alone_decides_the_label_is_named_and_a_strong_one_is_not()
    {
        var random = new Random(3);
        var rows = 400;
        var x = Enumerable.Range(0, rows).Select(_ => (float)random.NextDouble()).ToArray();
        var labels = x.Select(v => v + 0.2 * random.NextDouble() > 0.6 ? "yes" : "no").ToArray();
        var code = labels.Select(l => l == "yes" ? "Y" : "N").ToArray();
        var frame = new DataFrame(
        [
            new NumericColumn("x", x),
            CategoricalColumn.FromValues("outcome_code", code),
            new NumericColumn("copy", [.. labels.Select(l => l == "yes" ? 1f + 0.01f * (float)random.NextDouble() : 0f)]),
            CategoricalColumn.FromValues("y", labels),
        ], label: "y");
        var profile = DataProfile.Compute(frame);
        CollectionAssert.AreEqual(new[] { "outcome_code", "copy" }, profile.DecisiveFeatures.Select(f => f.Column).ToArray(),
            string.Join("; ", profile.DecisiveFeatures) + ": x decides most rows (about 9 in 10), not 99 in 100");
        Assert.AreEqual(1.0, profile.DecisiveFeatures[0].Score);
        StringAssert.Contains(profile.DescribeDecisiveFeatures().First(), "'outcome_code' alone decides the label on rows it was not fitted on (accuracy 1.000)");
        StringAssert.Contains(profile.DescribeDecisiveFeatures().First(), "--ignore outcome_code");

        // A numeric label: R² of the feature's bins; a feature that is the label plus a little noise decides it.
        var value = Enumerable.Range(0, rows).Select(_ => (float)(random.NextDouble() * 100)).ToArray();
        var regression = new DataFrame(
        [
            new NumericColumn("noisy", [.. value.Select(v => v + (float)(random.NextDouble() * 40))]),
            new NumericColumn("scaled", [.. value.Select(v => v * 3 + 1)]),
            new NumericColumn("target", value),
        ], label: "target");
        CollectionAssert.AreEqual(new[] { "scaled" }, DataProfile.Compute(regression).DecisiveFeatures.Select(f => f.Column).ToArray());

        var imbalanced = new DataFrame(
        [
            CategoricalColumn.FromValues("code", [.. Enumerable.Range(0, rows).Select(r => r < 20 ? "R" : "C")]),
            CategoricalColumn.FromValues("y", [.. Enumerable.Range(0, rows).Select(r => r < 20 ? "rare" : "common")]),
        ], label: "y");
        Assert.IsEmpty(DataProfile.Compute(imbalanced).DecisiveFeatures, "a class of 95% is right 95% of the time by itself");
    }

    [TestMethod]
    public void CleanNumericFrameNeedsNoFixes()
    {
        var clean = new DataFrame(
        [
            new NumericColumn("a", [1, 2, 3, 4]),
            CategoricalColumn.FromValues("y", ["p", "q", "p", "q"]),
        ], label: "y");
        var profile = DataProfile.Compute(clean);
        Assert.AreEqual(0, profile.DuplicateRowCount);
        Assert.AreEqual(0, profile.Fixes.Count);
        Assert.AreEqual(1.0, profile.Label!.ImbalanceRatio);
    }

    [TestMethod]
    public void DuplicateCountMatchesANaiveCount()
    {
        var random = new Random(7);
        const int Rows = 2000;
        var a = new float[Rows];
        var b = new string?[Rows];
        for (var i = 0; i < Rows; i++)
        {
            // Few distinct values, so many rows repeat; -0 and 0 count as equal, as do NaNs.
            a[i] = random.Next(6) switch { 0 => float.NaN, 1 => -0f, 2 => 0f, var k => k };
            b[i] = random.Next(5) == 0 ? null : ((char)('a' + random.Next(4))).ToString();
        }
        var frame = new DataFrame([new NumericColumn("a", a), new TextColumn("b", b)]);
        var naive = Enumerable.Range(0, Rows).Select(i => $"{(float.IsNaN(a[i]) ? "nan" : (a[i] + 0f).ToString(System.Globalization.CultureInfo.InvariantCulture))}|{b[i] ?? "<null>"}").Distinct().Count();
        Assert.AreEqual(Rows - naive, DataProfile.Compute(frame).DuplicateRowCount);
    }

    [TestMethod]
    public void SkewnessByHand()
    {
        // [0, 0, 0, 3]: mean 0.75, m2 = 6.75/4 = 1.6875, m3 = 10.125/4 = 2.53125, g1 = m3 / m2^1.5 = 2/√3.
        Assert.AreEqual(2 / Math.Sqrt(3), Skewness.Compute([0, 0, float.NaN, 0, 3]), 1e-9);
        Assert.AreEqual(0, Skewness.Compute([1, 2, 3]), 1e-12);
        Assert.IsTrue(double.IsNaN(Skewness.Compute([1])));
    }
}
