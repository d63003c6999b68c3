using System.Diagnostics;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Evaluation;
using Pipelines.Prediction;

namespace Pipelines.Trainers.Distillation;

/// <summary>Test scores and prediction speed of fitted models, for distillation and compression reports.</summary>
public static class ModelMetrics
{
    /// <summary>
    /// Classification: accuracy over the labelled rows of <paramref name="test"/> (a class the model does not know counts
    /// as wrong). Regression: R^2 = 1 - SSE / SST over the labelled rows.
    /// </summary>
    public static double Score(IPredictor model, DataFrame test)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(test);
        if (test.LabelName is null) ThrowHelper.NeedsLabel(nameof(ModelMetrics));
        var outputs = model.Predict(test);
        if (model.Task == PredictionTask.Regression)
        {
            var label = test.Numeric(test.LabelName!).ToArray();
            var rows = Enumerable.Range(0, label.Length).Where(r => !float.IsNaN(label[r])).ToArray();
            var mean = rows.Average(r => (double)label[r]);
            double sse = 0, sst = 0;
            foreach (var r in rows)
            {
                sse += (label[r] - outputs[r]) * (double)(label[r] - outputs[r]);
                sst += (label[r] - mean) * (label[r] - mean);
            }
            return sst > 0 ? 1 - sse / sst : 0;
        }
        var classes = LabelTask.WithClassLabel(test).Categorical(test.LabelName!);
        var actual = classes.Recode(model.Classes).Codes;
        var predicted = ClassificationMetrics.ArgMax(outputs, model.Classes.Count);
        int correct = 0, labelled = 0;
        for (var r = 0; r < actual.Length; r++)
        {
            if (classes.IsMissing(r)) continue;
            labelled++;
            if (actual[r] == predicted[r]) correct++;
        }
        return labelled == 0 ? double.NaN : correct / (double)labelled;
    }

    /// <summary>
    /// Fidelity: the share of the rows of <paramref name="data"/> on which <paramref name="model"/>'s most probable class is
    /// <paramref name="reference"/>'s (classes matched by name; a class the reference does not know counts as a
    /// disagreement). For a distilled student against its teacher this measures how well it copies the teacher's
    /// decision, independent of the true labels, which <paramref name="data"/> need not have.
    /// </summary>
    public static double Agreement(IPredictor model, IPredictor reference, DataFrame data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(data);
        if (model.Task == PredictionTask.Regression || reference.Task == PredictionTask.Regression)
            throw new ArgumentException("ModelMetrics.Agreement: both models must be classifiers.", nameof(model));
        if (data.RowCount == 0) return double.NaN;
        var ours = ClassificationMetrics.ArgMax(model.Predict(data), model.Classes.Count);
        var theirs = ClassificationMetrics.ArgMax(reference.Predict(data), reference.Classes.Count);
        var map = model.Classes.Select(c => reference.Classes.OrdinalIndexOf(c)).ToArray();
        var agree = 0;
        for (var r = 0; r < ours.Length; r++) if (map[ours[r]] == theirs[r]) agree++;
        return agree / (double)ours.Length;
    }

    /// <summary>
    /// Milliseconds per 1,000 rows of <see cref="IPredictor.Predict"/> on <paramref name="data"/>: one warm-up call, then
    /// repeated calls until at least <paramref name="minMilliseconds"/> have passed (at least 3), total time / rows predicted.
    /// </summary>
    public static double MillisecondsPer1000Rows(IPredictor model, DataFrame data, double minMilliseconds = 50)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        if (data.RowCount == 0) return double.NaN;
        model.Predict(data);
        var watch = Stopwatch.StartNew();
        var calls = 0;
        while (calls < 3 || watch.Elapsed.TotalMilliseconds < minMilliseconds)
        {
            model.Predict(data);
            calls++;
        }
        return watch.Elapsed.TotalMilliseconds * 1000 / ((double)calls * data.RowCount);
    }
}
