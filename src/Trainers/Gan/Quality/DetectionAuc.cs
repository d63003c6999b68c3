using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.Trainers.Trees;

namespace Pipelines.Trainers.Gan.Quality;

/// <summary>
/// How well a classifier tells real rows from synthetic ones: the real and synthetic frames are stacked (every
/// column, the label included, becomes a feature; text columns are dropped) with a new label "real" / "synthetic",
/// a GBDT is cross-validated over stratified folds, and the ROC AUC of its out-of-fold P(synthetic) is returned.
/// 0.5 means indistinguishable; 1 means perfectly separable (below 0.5 is noise around 0.5).
/// </summary>
public static class DetectionAuc
{
    /// <summary>The column that holds the real/synthetic label (a name no real table uses).</summary>
    public const string SourceColumn = "__synthetic_source__";

    /// <summary>Cross-validated detection AUC over <paramref name="folds"/> stratified folds with <paramref name="seed"/>.</summary>
    public static double Evaluate(DataFrame real, DataFrame synthetic, int folds = 3, int seed = 0, GbdtClassifier? detector = null)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        var stacked = Stack(real, synthetic);
        var source = stacked.Categorical(SourceColumn);
        var outOfFold = new float[stacked.RowCount];
        var model = detector ?? new GbdtClassifier { Rounds = 50, NumLeaves = 15, Seed = seed, Threads = 1 };
        foreach (var fold in Split.StratifiedKFold(stacked, folds, seed))
        {
            var fitted = model.Fit(stacked.Take(fold.Train));
            var test = stacked.Take(fold.Test);
            var p = fitted.Predict(test);
            var k = fitted.Classes.Count;
            var index = fitted.Classes.OrdinalIndexOf("synthetic");
            for (var i = 0; i < fold.Test.Length; i++) outOfFold[fold.Test[i]] = index < 0 ? 0 : p[i * k + index];
        }
        var actual = new int[stacked.RowCount];
        var syntheticCode = source.Categories.OrdinalIndexOf("synthetic");
        for (var i = 0; i < actual.Length; i++) actual[i] = source[i] == syntheticCode ? 1 : 0;
        return RankingMetrics.RocAuc(actual, outOfFold);
    }

    /// <summary>The real rows then the synthetic rows, with the source label; roles cleared, text dropped.</summary>
    internal static DataFrame Stack(DataFrame real, DataFrame synthetic)
    {
        static DataFrame Prepare(DataFrame frame, string source)
        {
            var plain = frame.WithLabel(null).WithWeight(null);
            plain = plain.Without(plain.Columns.OfType<TextColumn>().Select(c => c.Name).ToArray());
            return plain.With(CategoricalColumn.FromValues(SourceColumn, Enumerable.Repeat<string?>(source, frame.RowCount).ToArray()));
        }
        return Prepare(real, "real").AppendRows(Prepare(synthetic, "synthetic")).WithLabel(SourceColumn);
    }
}
