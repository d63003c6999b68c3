using Pipelines.Data;
using Pipelines.Prediction;

namespace Pipelines.Tests.Ensembles;

/// <summary>
/// A test learner on one numeric feature x with t = slope·x + intercept: regression predicts t; classification gives
/// class k the logit k·t (softmax), so two classes get P(class 1) = σ(t). Not persisted (tests only).
/// </summary>
internal sealed class LineModel(PredictionTask task, string feature, IReadOnlyList<string> classes, float slope, float intercept)
    : Predictor(task, [feature], classes)
{
    public static LineModel Binary(string feature, float slope, float intercept = 0) =>
        new(PredictionTask.BinaryClassification, feature, ["no", "yes"], slope, intercept);

    public static LineModel Regression(string feature, float slope, float intercept = 0) =>
        new(PredictionTask.Regression, feature, [], slope, intercept);

    public override float[] Predict(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        GetOutputSchema(input.Schema);
        var x = input.Numeric(Features[0]).Values;
        if (Task == PredictionTask.Regression) return [.. x.ToArray().Select(v => slope * v + intercept)];
        var k = Classes.Count;
        var result = new float[x.Length * k];
        for (var r = 0; r < x.Length; r++)
        {
            var t = slope * x[r] + intercept;
            double total = 0;
            for (var c = 0; c < k; c++) total += Math.Exp(c * t);
            for (var c = 0; c < k; c++) result[r * k + c] = (float)(Math.Exp(c * t) / total);
        }
        return result;
    }
}
