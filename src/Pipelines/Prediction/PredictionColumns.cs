namespace Pipelines.Prediction;

/// <summary>Names of the columns a fitted learner adds to its input (as ML.NET's PredictedLabel / Score / Probability).</summary>
public static class PredictionColumns
{
    /// <summary>Classification: the predicted class, a categorical column over the model's class names.</summary>
    public const string PredictedLabel = "PredictedLabel";

    /// <summary>Regression: the predicted value.</summary>
    public const string Score = "Score";

    /// <summary>Classification: the probability of class <paramref name="className"/>, one numeric column per class.</summary>
    public static string Probability(string className) => "Probability." + className;
}
