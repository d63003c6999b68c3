using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Trainers.Distillation;
using Pipelines.Trainers.Mlp;

namespace Pipelines.Trainers.Compression;

/// <summary>
/// Base of MLP compressions: options for the fine-tuning that follows (AdamW, fixed epochs, seeded minibatches, on
/// cross-entropy or squared error as the model was trained) and the template <see cref="Compress"/>: validate, read the
/// training rows against the model (same features; classes the model knows), compress and fine-tune, then report.
/// The given model is not changed.
/// </summary>
public abstract record MlpCompression
{
    /// <summary>Epochs of fine-tuning after compressing.</summary>
    public int FineTuneEpochs { get; init; } = 10;

    /// <summary>AdamW step size of the fine-tuning.</summary>
    public float LearningRate { get; init; } = 1e-3f;

    public int BatchSize { get; init; } = 32;

    /// <summary>AdamW's decoupled weight decay during fine-tuning.</summary>
    public float WeightDecay { get; init; }

    /// <summary>Seeds minibatch order.</summary>
    public int Seed { get; init; }

    /// <summary>Short name of the method in reports.</summary>
    protected abstract string Method { get; }

    /// <summary>Compresses <paramref name="model"/>, fine-tunes it on <paramref name="train"/>, and reports on <paramref name="test"/>.</summary>
    public CompressionResult Compress(MlpModel model, DataFrame train, DataFrame test)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        var step = GetType().Name;
        if (FineTuneEpochs < 0) ThrowHelper.BadOption(step, nameof(FineTuneEpochs), FineTuneEpochs, "0 or more");
        if (!(LearningRate > 0) || float.IsInfinity(LearningRate)) ThrowHelper.BadOption(step, nameof(LearningRate), LearningRate, "a finite value > 0");
        if (BatchSize < 1) ThrowHelper.BadOption(step, nameof(BatchSize), BatchSize, "at least 1");
        if (!(WeightDecay >= 0) || float.IsInfinity(WeightDecay)) ThrowHelper.BadOption(step, nameof(WeightDecay), WeightDecay, "a finite value >= 0");
        ValidateOptions(step);
        var rows = MlpTrainingRows.Read(step, model, train);
        var (compressed, ranges, simulated) = Run(model, rows, test);
        var report = new CompressionReport(
            Method, ModelSize.Parameters(model), ModelSize.Parameters(compressed), ModelSize.NonZeros(model), ModelSize.NonZeros(compressed),
            ModelMetrics.Score(model, test), ModelMetrics.Score(compressed, test), simulated);
        return new CompressionResult(compressed, report, ranges);
    }

    /// <summary>Checks the method's own options; throws ArgumentException naming the bad one.</summary>
    protected abstract void ValidateOptions(string stepName);

    private protected abstract (MlpModel Model, IReadOnlyList<ActivationRange>? Ranges, double? Simulated) Run(MlpModel model, MlpTrainingRows rows, DataFrame test);

    private protected RetrainSettings Settings(int epochs, int seedOffset = 0) => new(epochs, LearningRate, BatchSize, WeightDecay, Seed + seedOffset);
}
