using Pipelines.Errors;

namespace Pipelines.Trainers.Distillation;

/// <summary>
/// How <see cref="DistillStudent"/> makes extra rows for the teacher to label (Bucilua et al. 2006, "model compression",
/// whose MUNGE perturbs real rows). Each enabled generator makes an equal share of the synthetic rows, in turn:
/// <list type="bullet">
/// <item>perturbation (on when <see cref="NoiseScale"/> or <see cref="SwapProbability"/> is above 0): a copy of a random
/// real row where each feature, with probability <see cref="SwapProbability"/>, takes the value of that feature in another
/// random real row, and then gets N(0, (NoiseScale s_j)^2) noise, s_j the feature's population std over the real rows;</item>
/// <item>mixup (on when <see cref="MixupAlpha"/> is above 0): lambda x_i + (1 - lambda) x_j for two random real rows,
/// lambda ~ Beta(alpha, alpha);</item>
/// <item>boundary rows (on when <see cref="BoundarySearchSteps"/> is above 0 and the teacher puts the real rows in at
/// least two classes): points where the teacher's class changes on the segment between two real rows of different
/// predicted classes, found by bisection, plus the perturbation noise; they put the student's capacity where its
/// decision must match the teacher's;</item>
/// <item>an <see cref="IRowSource"/> (on when <see cref="RowSource"/> is set), for example a GAN sampler.</item>
/// </list>
/// </summary>
public sealed record DistillAugmentation
{
    /// <summary>Noise std relative to each feature's std (0: no noise).</summary>
    public double NoiseScale { get; init; } = 0.1;

    /// <summary>Chance that a feature value is swapped for the same feature of another real row (0: no swaps).</summary>
    public double SwapProbability { get; init; } = 0.1;

    /// <summary>Beta shape of mixup's lambda; 0 turns mixup off.</summary>
    public double MixupAlpha { get; init; } = 0.4;

    /// <summary>Halvings of the bisection that finds boundary rows (each halving is one teacher call over all of them;
    /// 8 puts a row within 1/256 of the segment from the boundary); 0 turns boundary rows off.</summary>
    public int BoundarySearchSteps { get; init; } = 8;

    /// <summary>Extra rows from a generative model; null: none.</summary>
    public IRowSource? RowSource { get; init; }

    internal bool Perturbs => NoiseScale > 0 || SwapProbability > 0;

    internal void Validate(string step)
    {
        if (!(NoiseScale >= 0) || double.IsInfinity(NoiseScale)) ThrowHelper.BadOption(step, nameof(NoiseScale), NoiseScale, "a finite value >= 0");
        if (SwapProbability is < 0 or > 1 || double.IsNaN(SwapProbability)) ThrowHelper.BadOption(step, nameof(SwapProbability), SwapProbability, "a probability in [0, 1]");
        if (!(MixupAlpha >= 0) || double.IsInfinity(MixupAlpha)) ThrowHelper.BadOption(step, nameof(MixupAlpha), MixupAlpha, "a finite value >= 0 (0: off)");
        if (BoundarySearchSteps is < 0 or > 30) ThrowHelper.BadOption(step, nameof(BoundarySearchSteps), BoundarySearchSteps, "0 (off) to 30");
        if (!Perturbs && MixupAlpha == 0 && BoundarySearchSteps == 0 && RowSource is null)
            throw new ArgumentException($"{step}: the augmentation makes no rows (no noise, swaps, mixup, boundary rows or row source); set one, or set Augmentation to null.");
    }
}
