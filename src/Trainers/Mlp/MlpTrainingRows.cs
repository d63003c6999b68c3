using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Prediction;
using Pipelines.Trainers.Neural;

namespace Pipelines.Trainers.Mlp;

/// <summary>
/// Rows to continue training a fitted <see cref="MlpModel"/> on: the model's features standardized with the model's own
/// mean and scale, and the label as the model's class indices (classification) or as the model's standardized target
/// (y - TargetMean) / TargetScale (regression). Every class in the rows must be one of the model's classes; rows may
/// lack some of them.
/// </summary>
internal sealed class MlpTrainingRows
{
    private MlpTrainingRows(Tensor inputs, int[] classes, float[] targets, float[] weights)
    {
        Inputs = inputs;
        Classes = classes;
        Targets = targets;
        Weights = weights;
    }

    /// <summary>Standardized features, [rows, features].</summary>
    public Tensor Inputs { get; }

    /// <summary>The model's class index of each row (classification); empty for regression.</summary>
    public int[] Classes { get; }

    /// <summary>Standardized target of each row (regression); empty for classification.</summary>
    public float[] Targets { get; }

    public float[] Weights { get; }

    public int Count => Weights.Length;

    public static MlpTrainingRows Read(string step, MlpModel model, DataFrame data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var set = TrainingSet.Read(step, data, allowMissing: false, allowCategorical: false, features: model.Features, regression: model.Task == PredictionTask.Regression);
        var x = set.RowMajor();
        var n = set.RowCount;
        var d = model.Features.Count;
        for (var r = 0; r < n; r++)
        {
            for (var j = 0; j < d; j++) x[r * d + j] = (x[r * d + j] - model.InputMean[j]) * model.InputScale[j];
        }
        var inputs = new Tensor(x, [n, d]);
        if (model.Task == PredictionTask.Regression)
        {
            var targets = set.Targets.Select(y => (y - model.TargetMean) / model.TargetScale).ToArray();
            return new MlpTrainingRows(inputs, [], targets, set.Weights);
        }
        if (set.Task == PredictionTask.Regression)
            throw new SchemaException($"{step}: the model is a classifier of [{string.Join(", ", model.Classes)}], but the label '{data.LabelName}' is numeric with many values.");
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < model.Classes.Count; c++) index[model.Classes[c]] = c;
        var map = new int[set.Classes.Count];
        var present = new bool[set.Classes.Count];
        foreach (var code in set.ClassCodes) present[code] = true;
        for (var c = 0; c < map.Length; c++)
        {
            if (index.TryGetValue(set.Classes[c], out var m)) map[c] = m;
            else if (present[c])
                throw new DataValueException(
                    $"{step}: the label '{data.LabelName}' has class '{set.Classes[c]}', which the model does not know; its classes are " +
                    $"[{string.Join(", ", model.Classes)}]. Drop those rows, or train a new model.");
        }
        return new MlpTrainingRows(inputs, [.. set.ClassCodes.Select(c => map[c])], [], set.Weights);
    }
}
