using Pipelines.Data;
using Pipelines.Trainers.Gan.Conditioning;
using Pipelines.Trainers.Gan.Networks;
using Pipelines.Trainers.Gan.Transform;
using Pipelines.Trainers.Neural;

namespace Pipelines.Trainers.Gan.Training;

/// <summary>
/// A trained conditional tabular GAN: the data transformer, the condition sampler and the generator (in evaluation
/// mode: batch norm uses its running statistics). Rows are generated in batches: z ~ N(0, I), a conditional vector,
/// the generator, tanh / Gumbel-softmax activations, then the inverse transform.
/// </summary>
public sealed class CtganModel
{
    private readonly CtganGenerator generator;

    internal CtganModel(GanOptions options, TabularTransformer transformer, ConditionSampler sampler, CtganGenerator generator)
    {
        Options = options;
        Transformer = transformer;
        Sampler = sampler;
        this.generator = generator;
        generator.Eval();
    }

    public GanOptions Options { get; }

    public TabularTransformer Transformer { get; }

    public ConditionSampler Sampler { get; }

    /// <summary>The generator network (evaluation mode), for saving its weights.</summary>
    internal CtganGenerator Generator => generator;

    /// <summary><paramref name="rows"/> encoded rows [rows, Dimension], conditioned as <paramref name="conditions"/> says (null: real frequencies).</summary>
    public float[] GenerateEncoded(int rows, Generator random, Func<int, ConditionBatch>? conditions = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        var dim = Transformer.Dimension;
        var result = new float[rows * dim];
        var batch = Options.EffectiveBatch(rows);
        using var _ = Torch.NoGrad();
        for (var done = 0; done < rows; done += batch)
        {
            var take = Math.Min(batch, rows - done);
            var cond = conditions?.Invoke(take) ?? Sampler.SampleOriginal(take, random);
            var z = Torch.Randn(random, take, Options.NoiseDim);
            var input = Transformer.ConditionDimension > 0
                ? Tensor.Concat([z, new Tensor(cond.Vectors, [take, Transformer.ConditionDimension])])
                : z;
            var encoded = CtganGenerator.Activate(generator.Forward(input), Transformer.Spans, Options.Tau, random);
            encoded.Data.CopyTo(result.AsSpan(done * dim, take * dim));
        }
        return result;
    }

    /// <summary><paramref name="rows"/> synthetic rows with the training frame's schema (conditions follow the real frequencies).</summary>
    public DataFrame Sample(int rows, Generator random) => Transformer.Decode(GenerateEncoded(rows, random), rows);

    /// <summary><paramref name="rows"/> synthetic rows generated with the condition "discrete column <paramref name="discrete"/> = slot <paramref name="slot"/>".</summary>
    public DataFrame SampleConditioned(int rows, int discrete, int slot, Generator random) =>
        Transformer.Decode(GenerateEncoded(rows, random, n => Sampler.Fixed(discrete, slot, n)), rows);
}
