using Pipelines.Errors;

namespace Pipelines.Trainers.Gan.Training;

/// <summary>
/// Hyperparameters of the conditional tabular GAN (CTGAN defaults from Xu et al. 2019 and its reference settings):
/// noise 128, generator residual blocks (256, 256), critic layers (256, 256) with pac 10 and dropout 0.5, Adam
/// lr 2e-4 with betas (0.5, 0.9) and weight decay 1e-6, batch 500, WGAN-GP with lambda 10, Gumbel-softmax tau 0.2,
/// up to 10 mixture modes per numeric column.
/// </summary>
public sealed record GanOptions
{
    /// <summary>Passes over the data; each has max(1, rows / batch) steps.</summary>
    public int Epochs { get; init; } = 300;

    /// <summary>Rows per step; rounded down to a multiple of <see cref="Pac"/> and capped near the row count for small tables.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Noise dimension of the generator input.</summary>
    public int NoiseDim { get; init; } = 128;

    public IReadOnlyList<int> GeneratorDims { get; init; } = [256, 256];

    public IReadOnlyList<int> CriticDims { get; init; } = [256, 256];

    /// <summary>Rows per critic pack (PacGAN).</summary>
    public int Pac { get; init; } = 10;

    /// <summary>Critic dropout.</summary>
    public float CriticDropout { get; init; } = 0.5f;

    /// <summary>Critic updates per generator update.</summary>
    public int CriticSteps { get; init; } = 1;

    public float GeneratorLearningRate { get; init; } = 2e-4f;

    public float CriticLearningRate { get; init; } = 2e-4f;

    public float Beta1 { get; init; } = 0.5f;

    public float Beta2 { get; init; } = 0.9f;

    /// <summary>L2 weight decay of both optimizers.</summary>
    public float WeightDecay { get; init; } = 1e-6f;

    /// <summary>Gradient-penalty weight lambda.</summary>
    public float GradientPenalty { get; init; } = 10f;

    /// <summary>Gumbel-softmax temperature of the one-hot outputs.</summary>
    public float Tau { get; init; } = 0.2f;

    /// <summary>Most Gaussian-mixture modes per numeric column.</summary>
    public int MaxModes { get; init; } = 10;

    /// <summary>Seed of every random draw (initialization, encoding, sampling, dropout, noise).</summary>
    public int Seed { get; init; }

    /// <summary>Throws a clear error for an invalid option; <paramref name="step"/> names the caller.</summary>
    public void Validate(string step)
    {
        if (Epochs < 1) ThrowHelper.BadOption(step, nameof(Epochs), Epochs, "at least 1");
        if (Pac < 1) ThrowHelper.BadOption(step, nameof(Pac), Pac, "at least 1");
        if (BatchSize < Math.Max(2, Pac)) ThrowHelper.BadOption(step, nameof(BatchSize), BatchSize, $"at least max(2, Pac = {Pac})");
        if (NoiseDim < 1) ThrowHelper.BadOption(step, nameof(NoiseDim), NoiseDim, "at least 1");
        if (GeneratorDims is null || GeneratorDims.Any(d => d < 1)) ThrowHelper.BadOption(step, nameof(GeneratorDims), GeneratorDims, "positive layer widths");
        if (CriticDims is null || CriticDims.Any(d => d < 1)) ThrowHelper.BadOption(step, nameof(CriticDims), CriticDims, "positive layer widths");
        if (CriticDropout is < 0 or >= 1 || float.IsNaN(CriticDropout)) ThrowHelper.BadOption(step, nameof(CriticDropout), CriticDropout, "a probability in [0, 1)");
        if (CriticSteps < 1) ThrowHelper.BadOption(step, nameof(CriticSteps), CriticSteps, "at least 1");
        if (!(GeneratorLearningRate > 0) || float.IsInfinity(GeneratorLearningRate)) ThrowHelper.BadOption(step, nameof(GeneratorLearningRate), GeneratorLearningRate, "a finite value > 0");
        if (!(CriticLearningRate > 0) || float.IsInfinity(CriticLearningRate)) ThrowHelper.BadOption(step, nameof(CriticLearningRate), CriticLearningRate, "a finite value > 0");
        if (Beta1 is < 0 or >= 1 || float.IsNaN(Beta1)) ThrowHelper.BadOption(step, nameof(Beta1), Beta1, "a value in [0, 1)");
        if (Beta2 is < 0 or >= 1 || float.IsNaN(Beta2)) ThrowHelper.BadOption(step, nameof(Beta2), Beta2, "a value in [0, 1)");
        if (!(WeightDecay >= 0) || float.IsInfinity(WeightDecay)) ThrowHelper.BadOption(step, nameof(WeightDecay), WeightDecay, "a finite value >= 0");
        if (!(GradientPenalty >= 0) || float.IsInfinity(GradientPenalty)) ThrowHelper.BadOption(step, nameof(GradientPenalty), GradientPenalty, "a finite value >= 0");
        if (!(Tau > 0) || float.IsInfinity(Tau)) ThrowHelper.BadOption(step, nameof(Tau), Tau, "a finite value > 0");
        if (MaxModes < 1) ThrowHelper.BadOption(step, nameof(MaxModes), MaxModes, "at least 1");
    }

    /// <summary>The batch actually used for <paramref name="rows"/> rows: a multiple of pac, at most BatchSize, about the row count for small tables, at least 2.</summary>
    public int EffectiveBatch(int rows)
    {
        var batch = Math.Min(BatchSize, Math.Max(rows, 2));
        batch = Math.Max(Pac, batch / Pac * Pac);
        return batch < 2 ? 2 * Pac : batch;
    }
}
