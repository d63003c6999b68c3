namespace Pipelines.Export.Onnx;

/// <summary>
/// Names of the graph outputs a learner's converter declares (the same names as <see cref="Pipelines.Prediction.PredictionColumns"/>):
/// classification has <see cref="PredictedLabel"/> (string [N], the class name) and <see cref="Probability"/>
/// (float [N, K], one column per class in the order of the "label_classes" metadata); regression has <see cref="Score"/> (float [N, 1]).
/// </summary>
public static class OnnxLearnerOutputs
{
    /// <summary>Classification: the predicted class name, string [N] (argmax of the probabilities; ties go to the lower class).</summary>
    public const string PredictedLabel = Pipelines.Prediction.PredictionColumns.PredictedLabel;

    /// <summary>Classification: class probabilities, float [N, K], rows sum to 1.</summary>
    public const string Probability = "Probability";

    /// <summary>Regression: the predicted value, float [N, 1].</summary>
    public const string Score = Pipelines.Prediction.PredictionColumns.Score;
}
