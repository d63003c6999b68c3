using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.IO;
using Pipelines.Trainers.Trees.Forest;

namespace Pipelines.Export.Tests.Onnx;

/// <summary>Data for the forest export tests: messy_churn as the forest reads it, and frames pushed onto split edges.</summary>
internal static class ForestEdgeCases
{
    /// <summary>
    /// messy_churn.csv with customer_id, notes and text columns dropped, the rest (categorical, NaN) kept; 75/25.
    /// The label is 'churned' as classes, or <paramref name="numericLabel"/> kept numeric for regression.
    /// </summary>
    public static (DataFrame Train, DataFrame Test) Churn(string? numericLabel = null)
    {
        var data = CsvReader.Read(Path.Combine(LearnerData.Root, "data", "messy_churn.csv"), new CsvOptions { Label = numericLabel ?? "churned" });
        data = data.Without(["customer_id", "notes"]);
        if (numericLabel is null) data = LabelTask.WithClassLabel(data);
        data = data.Without([.. data.Features.Where(c => c.Kind == ColumnKind.Text).Select(c => c.Name)]);
        var fold = Split.TrainTest(data, 0.25, LearnerData.Seed);
        return (data.Take(fold.Train), data.Take(fold.Test));
    }

    /// <summary>
    /// Row r: numeric features set exactly to thresholds the trees split them at (cycling), NaN on every fifth row;
    /// categorical features unseen in training on every third row and missing on the next.
    /// </summary>
    public static DataFrame Edge(ForestModel model, DataFrame frame)
    {
        var result = frame;
        var rows = frame.RowCount;
        for (var f = 0; f < model.Features.Count; f++)
        {
            var name = model.Features[f];
            Column edged = frame[name] switch
            {
                CategoricalColumn categorical => Categorical(categorical, rows),
                NumericColumn numeric => Numeric(numeric, Thresholds(model, f), f, rows),
                var other => throw new InvalidOperationException($"Feature {name} is {other.Kind}."),
            };
            result = result.Without(name).With(edged);
        }
        return result;
    }

    /// <summary>Whether some split of <paramref name="model"/> sends missing values left (<paramref name="left"/>) or right.</summary>
    public static bool SendsMissing(ForestModel model, bool left) =>
        model.Trees.Any(t => Enumerable.Range(0, t.NodeCount).Any(i => t.LeftChild[i] >= 0 && t.DefaultLeft[i] == left));

    private static float[] Thresholds(ForestModel model, int feature) =>
        [.. model.Trees.SelectMany(t => Enumerable.Range(0, t.NodeCount)
            .Where(i => t.LeftChild[i] >= 0 && t.Feature[i] == feature && !t.IsCategorical(i)).Select(i => t.Threshold[i])).Distinct()];

    private static CategoricalColumn Categorical(CategoricalColumn column, int rows)
    {
        var codes = column.Codes.ToArray();
        var categories = column.Categories.Append("never-seen-in-training").ToArray();
        for (var r = 0; r < rows; r++)
        {
            if (r % 3 == 0) codes[r] = categories.Length - 1;
            else if (r % 3 == 1) codes[r] = CategoricalColumn.Missing;
        }
        return new CategoricalColumn(column.Name, codes, categories);
    }

    private static NumericColumn Numeric(NumericColumn column, float[] thresholds, int feature, int rows)
    {
        var values = column.ToArray();
        for (var r = 0; r < rows; r++)
        {
            if (r % 5 == 4) values[r] = float.NaN;
            else if (thresholds.Length > 0 && r % 5 != 3) values[r] = thresholds[(r + feature) % thresholds.Length];
        }
        return new NumericColumn(column.Name, values);
    }
}
