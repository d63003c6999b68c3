using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Sampling;
using Pipelines.Trainers.Gan;
using Pipelines.Trainers.Gan.Training;

namespace Pipelines.Bench.Gan;

/// <summary>
/// A rebalancing variant of the gan-suite bench: its name (the key of its results, the epochs in it for the GAN
/// variants so runs at other epochs are other variants) and the training step put before the GBDT, null for none,
/// given the (cleaned) training rows, whose feature kinds choose the SMOTE flavour.
/// </summary>
internal sealed record GanSuiteVariant(string Name, Func<DataFrame, IEstimator<ITransformer>?> Step)
{
    public const string None = "none";
    public const string SmoteFull = "smote-full";

    /// <summary>The partial variants' minority/majority ratio: each class raised to at least half the majority (SamplingStrategy.Ratio, the form of the search's ratio, which ranges over 0.3..1).</summary>
    public const double PartialRatio = 0.5;

    /// <summary>The variants in run order; the GAN ones report their epochs to <paramref name="progress"/>.</summary>
    public static IReadOnlyList<GanSuiteVariant> All(int epochs, IProgress<GanProgress>? progress)
    {
        // One options object for the full and partial GAN: GanOverSample reuses the GAN trained on the same frame with
        // equal options (their layer lists compare by reference), so the partial variant samples the full one's GAN.
        var gan = new GanOptions { Epochs = epochs, Seed = 0 };
        var partial = SamplingStrategy.Ratio(PartialRatio);
        return
        [
            new(None, _ => null),
            // A weight column name no suite set uses, so the step never meets a feature of the same name.
            new("class-weights", _ => new ClassWeights { Name = "__class_weight" }),
            new(SmoteFull, train => Interpolating(train, SamplingStrategy.Auto)),
            new("smote-partial", train => Interpolating(train, partial)),
            new($"ctgan-full-e{epochs}", _ => new GanOverSample { Gan = gan, Seed = 0, Progress = progress }),
            new($"ctgan-partial-e{epochs}", _ => new GanOverSample { Gan = gan, Strategy = partial, Seed = 0, Progress = progress }),
            new($"ctgan-full-e{3 * epochs}", _ => new GanOverSample { Gan = gan with { Epochs = 3 * epochs }, Seed = 0, Progress = progress }),
        ];
    }

    /// <summary>A short description of <paramref name="step"/> for the results: the sampler, its strategy and the GAN's epochs.</summary>
    public static string? Describe(IEstimator<ITransformer>? step) => step switch
    {
        null => null,
        GanOverSample g => $"{nameof(GanOverSample)} {g.Strategy}, {g.Gan.Epochs} epochs",
        Resampler r => $"{r.GetType().Name} {r.Strategy}",
        _ => step.GetType().Name,
    };

    /// <summary>
    /// SMOTE-NC when a feature is categorical, else plain SMOTE (which refuses categorical features), as PipelineFactory
    /// chooses; random over-sampling when no feature is numeric, as SMOTE-NC's own error advises, since it has nothing to
    /// interpolate there (income), so the SMOTE baseline is a row copy on such a set (its outcome names the sampler).
    /// </summary>
    private static IEstimator<ITransformer> Interpolating(DataFrame train, SamplingStrategy strategy)
    {
        if (!train.Features.Any(c => c is NumericColumn)) return new RandomOverSample { Strategy = strategy, Seed = 0 };
        return train.Features.Any(c => c is CategoricalColumn) ? new SmoteNc { Strategy = strategy, Seed = 0 } : new Smote { Strategy = strategy, Seed = 0 };
    }
}
