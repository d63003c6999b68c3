using Pipelines.Data;
using Pipelines.Trainers.Trees;
using Pipelines.Trainers.Trees.Prediction;

namespace Pipelines.Export.Tests.Onnx;

/// <summary>
/// GBDT export on the rows where ONNX semantics could drift from the in-process evaluator: a value exactly equal to a
/// split threshold (x &lt;= t goes left), NaN (the learned default direction), a missing category (default direction) and a
/// category never seen in training (goes right).
/// </summary>
[TestClass]
public sealed class GbdtEdgeCaseTests
{
    [TestMethod]
    public void Thresholds_missing_values_and_unseen_categories_split_as_in_process()
    {
        var (train, test) = LearnerData.Split("messy_churn.csv", "churned");
        var model = new GbdtClassifier { Rounds = 30, Seed = 5 }.Fit(train);
        var edged = Edge(model, test);
        LearnerParity.Assert(model, train, edged, check: false);
    }

    [TestMethod]
    public void Multiclass_thresholds_and_missing_values_split_as_in_process()
    {
        var (train, test) = LearnerData.Split("wine.csv", "cultivar");
        var model = new GbdtClassifier { Rounds = 30, Seed = 5 }.Fit(train);
        LearnerParity.Assert(model, train, Edge(model, test), check: false);
    }

    /// <summary>
    /// Row r: numeric feature values set to the thresholds the trees split them at (cycling), NaN on every fifth row;
    /// categorical features unseen on every third row and missing on the next.
    /// </summary>
    private static DataFrame Edge(GbdtModel model, DataFrame frame)
    {
        var result = frame;
        var rows = frame.RowCount;
        for (var f = 0; f < model.Features.Count; f++)
        {
            var name = model.Features[f];
            var column = frame[name];
            Column edged;
            if (column is CategoricalColumn categorical)
            {
                var codes = categorical.Codes.ToArray();
                var categories = categorical.Categories.Append("never-seen-in-training").ToArray();
                for (var r = 0; r < rows; r++)
                {
                    if (r % 3 == 0) codes[r] = categories.Length - 1;
                    else if (r % 3 == 1) codes[r] = CategoricalColumn.Missing;
                }
                edged = new CategoricalColumn(name, codes, categories);
            }
            else
            {
                var thresholds = model.Trees.SelectMany(t => Enumerable.Range(0, t.NodeCount)
                    .Where(i => t.LeftChild[i] >= 0 && t.Feature[i] == f && !t.IsCategorical(i)).Select(i => t.Threshold[i])).Distinct().ToArray();
                var values = ((NumericColumn)column).ToArray();
                for (var r = 0; r < rows; r++)
                {
                    if (r % 5 == 4) values[r] = float.NaN;
                    else if (thresholds.Length > 0 && r % 5 != 3) values[r] = thresholds[(r + f) % thresholds.Length];
                }
                edged = new NumericColumn(name, values);
            }
            result = result.Without(name).With(edged);
        }
        Assert.IsTrue(model.Trees.Any(t => t.DefaultLeft.Where((d, i) => t.LeftChild[i] >= 0).Any(d => d)), "some node sends missing values left");
        Assert.IsTrue(model.Trees.Any(t => t.DefaultLeft.Where((d, i) => t.LeftChild[i] >= 0).Any(d => !d)), "some node sends missing values right");
        return result;
    }
}
