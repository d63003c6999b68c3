namespace Pipelines.Trainers.Neural.Optim;

/// <summary>
/// Base of learning-rate schedules (torch.optim.lr_scheduler): lr_t = base_lr * <see cref="Factor"/>(t), where t counts
/// calls to <see cref="Step"/> (epochs or batches, as the caller chooses). Construction sets lr_0.
/// </summary>
public abstract class LrScheduler
{
    protected LrScheduler(Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        Optimizer = optimizer;
        BaseLearningRate = optimizer.LearningRate;
    }

    public Optimizer Optimizer { get; }
    public float BaseLearningRate { get; }
    public int Epoch { get; private set; }

    /// <summary>The multiplier of the base learning rate at step t.</summary>
    public abstract float Factor(int t);

    /// <summary>Advances t and sets the optimizer's learning rate.</summary>
    public void Step()
    {
        Epoch++;
        Apply();
    }

    protected void Apply() => Optimizer.LearningRate = BaseLearningRate * Factor(Epoch);
}

/// <summary>lr_t = base * gamma^floor(t / stepSize) (StepLR).</summary>
public sealed class StepLR : LrScheduler
{
    public StepLR(Optimizer optimizer, int stepSize, float gamma = 0.1f) : base(optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stepSize, 1);
        if (!(gamma > 0) || float.IsInfinity(gamma)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "gamma must be positive.");
        StepSize = stepSize;
        Gamma = gamma;
        Apply();
    }

    public int StepSize { get; }
    public float Gamma { get; }

    public override float Factor(int t) => MathF.Pow(Gamma, t / StepSize);
}

/// <summary>lr_t = min + (base - min) (1 + cos(pi min(t, T) / T)) / 2 (CosineAnnealingLR, one half-period).</summary>
public sealed class CosineAnnealingLR : LrScheduler
{
    public CosineAnnealingLR(Optimizer optimizer, int tMax, float minLearningRate = 0f) : base(optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tMax, 1);
        if (!(minLearningRate >= 0)) throw new ArgumentOutOfRangeException(nameof(minLearningRate), minLearningRate, "must be >= 0.");
        TMax = tMax;
        MinLearningRate = minLearningRate;
        Apply();
    }

    public int TMax { get; }
    public float MinLearningRate { get; }

    public override float Factor(int t)
    {
        var ratio = MinLearningRate / BaseLearningRate;
        var cosine = (1 + MathF.Cos(MathF.PI * Math.Min(t, TMax) / TMax)) / 2;
        return ratio + (1 - ratio) * cosine;
    }
}

/// <summary>Linear warmup: lr_t = base * min(1, (t + 1) / warmup), then constant (LinearLR from 1/warmup to 1).</summary>
public sealed class LinearWarmupLR : LrScheduler
{
    public LinearWarmupLR(Optimizer optimizer, int warmupSteps) : base(optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(warmupSteps, 1);
        WarmupSteps = warmupSteps;
        Apply();
    }

    public int WarmupSteps { get; }

    public override float Factor(int t) => Math.Min(1f, (t + 1f) / WarmupSteps);
}
