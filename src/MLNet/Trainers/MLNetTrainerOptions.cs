namespace Pipelines.MLNet.Trainers;

/// <summary>
/// What every ML.NET learner of this project shares: ML.NET trains on numeric features (categoricals must be encoded
/// first), and the fitted model is read into one of the project's own fitted types, so predicting, saving and ONNX
/// export need no ML.NET.
/// </summary>
public abstract record MLNetTrainerOptions
{
    /// <summary>Seed of the MLContext and of the trainer's own random choices (bagging, feature sampling, shuffling).</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Threads ML.NET may train with; null uses the <see cref="Pipelines.Core.TrainingContext"/> cap (every core outside a
    /// context), and a set value is capped by it too.
    /// </summary>
    public int? Threads { get; init; }
}
