using Pipelines.Errors;

namespace Pipelines.Trainers.Mlp;

/// <summary>
/// Options shared by <see cref="MlpClassifier"/> and <see cref="MlpRegressor"/>: a multilayer perceptron
/// Linear -> [BatchNorm1d] -> activation -> [Dropout] per hidden layer, then a Linear output layer, trained with AdamW
/// on minibatches. Inputs are standardized internally ((x - mean) / std, kept in the fitted model).
/// </summary>
public abstract record MlpOptions
{
    /// <summary>Width of each hidden layer.</summary>
    public IReadOnlyList<int> HiddenSizes { get; init; } = [64, 64];

    public MlpActivation Activation { get; init; } = MlpActivation.Relu;

    /// <summary>Dropout probability after each hidden activation (0: none).</summary>
    public float Dropout { get; init; }

    /// <summary>Batch normalization after each hidden Linear; folded into that Linear when fitting ends.</summary>
    public bool BatchNorm { get; init; }

    /// <summary>AdamW's decoupled weight decay.</summary>
    public float WeightDecay { get; init; } = 1e-4f;

    public float LearningRate { get; init; } = 1e-3f;

    public int BatchSize { get; init; } = 64;

    /// <summary>Most passes over the training rows.</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>Stop after this many epochs without a better validation loss and keep the best weights; 0 turns early stopping off.</summary>
    public int EarlyStoppingPatience { get; init; } = 10;

    /// <summary>Share of rows (stratified, seeded) held out to watch for early stopping.</summary>
    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>Standardize inputs inside the model (mean and scale stored with it).</summary>
    public bool Standardize { get; init; } = true;

    /// <summary>Seeds initialization, shuffling, dropout and the validation split.</summary>
    public int Seed { get; init; }

    internal void Validate(string step)
    {
        if (HiddenSizes is null || HiddenSizes.Any(h => h < 1)) ThrowHelper.BadOption(step, nameof(HiddenSizes), HiddenSizes is null ? null : $"[{string.Join(", ", HiddenSizes)}]", "positive layer widths");
        if (Dropout is < 0 or >= 1 || float.IsNaN(Dropout)) ThrowHelper.BadOption(step, nameof(Dropout), Dropout, "a probability in [0, 1)");
        if (!(WeightDecay >= 0) || float.IsInfinity(WeightDecay)) ThrowHelper.BadOption(step, nameof(WeightDecay), WeightDecay, "a finite value >= 0");
        if (!(LearningRate > 0) || float.IsInfinity(LearningRate)) ThrowHelper.BadOption(step, nameof(LearningRate), LearningRate, "a finite value > 0");
        if (BatchSize < 1) ThrowHelper.BadOption(step, nameof(BatchSize), BatchSize, "at least 1");
        if (Epochs < 1) ThrowHelper.BadOption(step, nameof(Epochs), Epochs, "at least 1");
        if (EarlyStoppingPatience < 0) ThrowHelper.BadOption(step, nameof(EarlyStoppingPatience), EarlyStoppingPatience, "0 (off) or more");
        if (ValidationFraction is < 0 or >= 1 || double.IsNaN(ValidationFraction)) ThrowHelper.BadOption(step, nameof(ValidationFraction), ValidationFraction, "a fraction in [0, 1)");
        if (Activation == MlpActivation.Identity) ThrowHelper.BadOption(step, nameof(Activation), Activation, "Relu, LeakyRelu, Gelu or Tanh");
    }
}
