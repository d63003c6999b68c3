using Pipelines.Data;
using Pipelines.Transforms.Selection;

namespace Pipelines.Tests.Transforms;

[TestClass]
public sealed class SelectFromModelSelectionTests
{
    // Label t = 0..7. 'same' is t itself (r = 1), 'mirror' is -t (r = -1), 'wobble' is t with noise,
    // 'noise' is uncorrelated with t by construction (r = 0: symmetric around the middle).
    private static DataFrame Frame() => new(
    [
        new NumericColumn("noise", [1, -1, -1, 1, 1, -1, -1, 1]),
        new NumericColumn("same", [0, 1, 2, 3, 4, 5, 6, 7]),
        new NumericColumn("mirror", [0, -1, -2, -3, -4, -5, -6, -7]),
        new NumericColumn("wobble", [1, 0, 3, 2, 5, 4, 7, 6]),
        new NumericColumn("t", [0, 1, 2, 3, 4, 5, 6, 7]),
    ], label: "t");

    [TestMethod]
    public void ScoresAreAbsoluteImportances()
    {
        var model = new SelectFromModel(new CorrelationImportance()).Fit(Frame());
        Assert.AreEqual(0.0, model.ScoreOf("noise"), 1e-12);
        Assert.AreEqual(1.0, model.ScoreOf("same"), 1e-12);
        Assert.AreEqual(1.0, model.ScoreOf("mirror"), 1e-12, "a negative coefficient counts by its magnitude");
        // wobble: swap pairs of t; sum of squared differences is 8, so r = 1 - 6*8/(8*63) = 0.904762 (Spearman = Pearson here).
        Assert.AreEqual(1 - 6.0 * 8 / (8 * 63), model.ScoreOf("wobble"), 1e-6);
    }

    [TestMethod]
    public void MeanThresholdKeepsTheAboveAverage()
    {
        // Mean |r| = (0 + 1 + 1 + 0.905) / 4 = 0.726: everything but noise.
        var model = new SelectFromModel(new CorrelationImportance()).Fit(Frame());
        CollectionAssert.AreEqual(new[] { "same", "mirror", "wobble" }, model.Kept.ToArray());
        CollectionAssert.AreEqual(new[] { "same", "mirror", "wobble", "t" }, model.Transform(Frame()).Names.ToArray());
    }

    [TestMethod]
    public void OtherThresholds()
    {
        CollectionAssert.AreEqual(new[] { "same", "mirror" },
            new SelectFromModel(new CorrelationImportance(), ImportanceThreshold.Absolute(0.95)).Fit(Frame()).Kept.ToArray());
        // Top 1 of a tie between same and mirror goes to the earlier column.
        CollectionAssert.AreEqual(new[] { "same" },
            new SelectFromModel(new CorrelationImportance(), ImportanceThreshold.Top(1)).Fit(Frame()).Kept.ToArray());
        // Median of (0, 0.905, 1, 1) is 0.952: only |r| = 1 clears it; a scale of 0 keeps everything.
        CollectionAssert.AreEqual(new[] { "same", "mirror" },
            new SelectFromModel(new CorrelationImportance(), ImportanceThreshold.Median()).Fit(Frame()).Kept.ToArray());
        CollectionAssert.AreEqual(new[] { "noise", "same", "mirror", "wobble" },
            new SelectFromModel(new CorrelationImportance(), ImportanceThreshold.Median(0)).Fit(Frame()).Kept.ToArray());
    }

    [TestMethod]
    public void OnlyTheNamedColumnsAreJudged()
    {
        var model = new SelectFromModel(new CorrelationImportance(), ImportanceThreshold.Top(1), Columns: ["noise", "wobble"]).Fit(Frame());
        CollectionAssert.AreEqual(new[] { "noise", "wobble" }, model.Candidates.ToArray());
        CollectionAssert.AreEqual(new[] { "wobble" }, model.Kept.ToArray());
        CollectionAssert.AreEqual(new[] { "same", "mirror", "wobble", "t" }, model.Transform(Frame()).Names.ToArray());
    }
}
