using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Evaluation;
using Pipelines.Prediction;

namespace Pipelines.Calibration;

/// <summary>
/// Class probabilities for every labelled row from a model that did not see it: the rows are split into stratified
/// folds and, for each fold, the learner is fitted on the other folds and predicts this one.
/// </summary>
/// <param name="Classes">Class names by code (the label's categories, the order of the learner's probability columns).</param>
/// <param name="Actual">Class code of each labelled row, in row order.</param>
/// <param name="Probabilities">Row-major probabilities, one per class per row.</param>
/// <param name="Rows">Index in the input frame of each row (rows with a missing label are left out).</param>
public sealed record OutOfFoldPredictions(IReadOnlyList<string> Classes, int[] Actual, float[] Probabilities, int[] Rows)
{
    /// <summary>Cross-fits <paramref name="learner"/> (any estimator whose output has Probability.&lt;class&gt; columns) over <paramref name="folds"/> stratified folds.</summary>
    public static OutOfFoldPredictions Compute(IEstimator<ITransformer> learner, DataFrame data, int folds, int seed)
    {
        const string Step = nameof(OutOfFoldPredictions);
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(data);
        if (data.LabelName is null) ThrowHelper.NeedsLabel(Step);
        data = LabelTask.WithClassLabel(data);
        if (data.Label is not CategoricalColumn label)
            throw new SchemaException($"{Step}: label '{data.LabelName}' is numeric with many values; calibration and decision rules need a class label.");
        var rows = Enumerable.Range(0, data.RowCount).Where(r => !label.IsMissing(r)).ToArray();
        var labelled = rows.Length == data.RowCount ? data : data.Take(rows);
        var classes = label.Categories;
        var k = classes.Count;
        var actual = ((CategoricalColumn)labelled.Label!).Codes.ToArray();
        var probabilities = new float[actual.Length * k];
        var columns = classes.Select(PredictionColumns.Probability).ToArray();
        foreach (var fold in Split.StratifiedKFold(labelled, folds, seed))
        {
            var output = learner.Fit(labelled.Take(fold.Train)).Transform(labelled.Take(fold.Test));
            foreach (var name in columns)
            {
                if (!output.Contains(name) || output[name] is not NumericColumn)
                    throw new SchemaException($"{Step}: the learner's output has no numeric column '{name}'; calibration needs a classifier that outputs class probabilities.");
            }
            var fitted = FeatureMatrix.RowMajor(output, columns);
            for (var i = 0; i < fold.Test.Length; i++) fitted.AsSpan(i * k, k).CopyTo(probabilities.AsSpan(fold.Test[i] * k, k));
        }
        return new OutOfFoldPredictions(classes, actual, probabilities, rows);
    }
}
