using Pipelines.Augmentation;
using Pipelines.Sampling;
using Pipelines.Tests.Contract;

namespace Pipelines.Tests.Sampling;

public sealed class SamplingCases : IContractCaseSource
{
    private static readonly Capabilities Sampler = new() { ChangesRows = true, AcceptsOneRow = false };
    private static readonly Capabilities NeedsComplete = Sampler with { AcceptsMissing = false };
    private static readonly Capabilities Augmenter = new() { ChangesRows = true };

    public IEnumerable<ContractCase> Cases =>
    [
        new("RandomOverSample", () => new RandomOverSample { Seed = 1 }, Sampler),
        new("RandomOverSample(ratio 0.5)", () => new RandomOverSample { Strategy = SamplingStrategy.Ratio(0.5), Seed = 2 }, Sampler),
        new("RandomUnderSample", () => new RandomUnderSample { Seed = 3 }, Sampler),
        new("RandomUnderSample(counts)", () => new RandomUnderSample { Strategy = SamplingStrategy.Counts(new Dictionary<string, int> { ["no"] = 20 }), Seed = 4 }, Sampler),
        new("Smote", () => new Smote { Seed = 5 }, NeedsComplete, () => ContractData.Standard().Without("color")),
        new("SmoteNc", () => new SmoteNc { Neighbors = 3, Seed = 6 }, NeedsComplete),
        new("KernelDensitySample", () => new KernelDensitySample { Seed = 7 }, NeedsComplete),
        new("KernelDensitySample(Silverman)", () => new KernelDensitySample { Rule = BandwidthRule.Silverman, Seed = 8 }, NeedsComplete),
        new("ClassWeights", () => new ClassWeights(), new Capabilities { ReadsColumns = false }),
        new("ClassWeights(given)", () => new ClassWeights { Name = "w", Weights = new Dictionary<string, double> { ["yes"] = 3 } }, new Capabilities { ReadsColumns = false }),
        new("GaussianNoiseAugment", () => new GaussianNoiseAugment { Copies = 2, Fraction = 0.5, Seed = 9 }, Augmenter),
        new("MixupAugment", () => new MixupAugment { Alpha = 0.4, Seed = 10 }, Augmenter),
        new("MixupAugment(same class)", () => new MixupAugment { SameClass = true, Fraction = 0.5, Seed = 11 }, Augmenter),
    ];
}
