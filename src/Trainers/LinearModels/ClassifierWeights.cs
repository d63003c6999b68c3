using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Prediction;

namespace Pipelines.Trainers.LinearModels;

/// <summary>Row weights of a classifier's training set: the sample weight times the weight of the row's class.</summary>
internal static class ClassifierWeights
{
    public static double[] Of(string step, TrainingSet set, string labelName, ClassWeighting? weighting)
    {
        var result = new double[set.RowCount];
        for (var i = 0; i < result.Length; i++) result[i] = set.Weights[i];
        if (weighting is null) return result;
        var label = new CategoricalColumn(labelName, set.ClassCodes, [.. set.Classes]);
        IReadOnlyDictionary<string, double> perClass;
        try
        {
            perClass = Sampling.ClassWeights.Compute(label, weighting.PerClass);
        }
        catch (DataValueException e)
        {
            throw new DataValueException($"{step}: {e.Message}");
        }
        var byCode = set.Classes.Select(c => perClass.GetValueOrDefault(c, 1.0)).ToArray();
        for (var i = 0; i < result.Length; i++) result[i] *= byCode[set.ClassCodes[i]];
        return result;
    }

    /// <summary>The error for a label of the wrong kind, pointing at the learner that fits it.</summary>
    public static DataValueException WrongTask(string step, string label, PredictionTask task, int classes) => task switch
    {
        PredictionTask.Regression => new DataValueException(
            $"{step}: the label '{label}' holds numbers (a regression target), and this learner classifies. Use LinearRegression, " +
            "or make the label categorical."),
        _ => new DataValueException(
            $"{step}: the label '{label}' has {classes} classes, and LogisticRegression is binary. Use SoftmaxRegression for " +
            "more than two classes."),
    };
}
