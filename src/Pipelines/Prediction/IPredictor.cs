using Pipelines.Core;
using Pipelines.Data;

namespace Pipelines.Prediction;

/// <summary>
/// A fitted learner. <see cref="ITransformer.Transform"/> returns the input plus prediction columns
/// (<see cref="PredictionColumns"/>): for classification the predicted label and one probability column per class,
/// for regression the score. <see cref="Predict"/> gives the raw numbers that export and evaluation use.
/// </summary>
public interface IPredictor : ITransformer
{
    PredictionTask Task { get; }

    /// <summary>The input columns the model reads, in the order it reads them.</summary>
    IReadOnlyList<string> Features { get; }

    /// <summary>Class names in class-code order (classification); empty for regression.</summary>
    IReadOnlyList<string> Classes { get; }

    /// <summary>
    /// Row-major outputs for every row of <paramref name="input"/>: rows x <see cref="Classes"/> probabilities that sum
    /// to 1 per row (classification), or one predicted value per row (regression).
    /// </summary>
    float[] Predict(DataFrame input);
}
