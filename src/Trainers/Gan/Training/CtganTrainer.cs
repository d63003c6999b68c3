using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Trainers.Gan.Conditioning;
using Pipelines.Trainers.Gan.Networks;
using Pipelines.Trainers.Gan.Transform;
using Pipelines.Trainers.Neural;
using Pipelines.Trainers.Neural.Optim;

namespace Pipelines.Trainers.Gan.Training;

/// <summary>
/// Trains a conditional tabular GAN (CTGAN, Xu et al. 2019) with the WGAN-GP objective. Per step, with conditions and
/// matching real rows from training-by-sampling (<see cref="ConditionSampler"/>):
/// <list type="bullet">
/// <item>critic (<see cref="GanOptions.CriticSteps"/> times): L_D = mean C([G(z, c), c]) - mean C([x, c']) + lambda * GP, where
/// (x, c') are the real rows and their conditions permuted together, and GP = mean over packs (||grad_x C(x_hat)|| - 1)^2 at
/// x_hat = a x + (1 - a) G(z, c), one a ~ U(0, 1) per pack (see <see cref="PacCritic.GradientPenalty"/>);</item>
/// <item>generator: L_G = -mean C([G(z, c), c]) + CE, where CE = -(1/B) sum_i ln softmax(raw logits of the conditioned column)_k
/// at the asked-for category k.</item>
/// </list>
/// Adam (lr 2e-4, betas (0.5, 0.9)) for both. Every random draw comes from one seeded generator, so training is deterministic.
/// </summary>
public static class CtganTrainer
{
    /// <summary>Fits the transformer and trains the networks on every row and column of <paramref name="frame"/>.</summary>
    public static CtganModel Fit(DataFrame frame, GanOptions options, IProgress<GanProgress>? progress = null) =>
        Fit(frame, options, progress, options?.Epochs ?? 0);

    /// <summary>
    /// As <see cref="Fit(DataFrame, GanOptions, IProgress{GanProgress}?)"/> for <paramref name="epochs"/> epochs (0: the
    /// untrained model, for tests); <paramref name="clock"/>, when given, is charged each phase of each step (profiling).
    /// </summary>
    internal static CtganModel Fit(DataFrame frame, GanOptions options, IProgress<GanProgress>? progress, int epochs, StepClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate("Tabular GAN");
        if (frame.RowCount < 2) Errors.ThrowHelper.TooFewRows("Tabular GAN", frame.RowCount, 2);
        var random = new Generator(options.Seed);
        var transformer = TabularTransformer.Fit(frame, options.MaxModes);
        var data = transformer.Encode(frame, new Random(options.Seed));
        var sampler = new ConditionSampler(transformer, data, frame.RowCount);
        var dim = transformer.Dimension;
        var condDim = transformer.ConditionDimension;
        var generator = new CtganGenerator(options.NoiseDim + condDim, options.GeneratorDims, dim, random);
        var critic = new PacCritic(dim + condDim, options.CriticDims, options.Pac, options.CriticDropout, random);
        var optimizerG = new Adam(generator.Parameters(), options.GeneratorLearningRate, options.Beta1, options.Beta2, weightDecay: options.WeightDecay);
        var optimizerD = new Adam(critic.Parameters(), options.CriticLearningRate, options.Beta1, options.Beta2, weightDecay: options.WeightDecay);
        var batch = options.EffectiveBatch(frame.RowCount);
        var stepsPerEpoch = Math.Max(1, frame.RowCount / batch);
        var cancellation = TrainingContext.Cancellation; // the trial's token, checked per step (so per epoch too)
        using var arena = new TensorArena();
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            double lossG = 0, lossD = 0;
            for (var step = 0; step < stepsPerEpoch; step++)
            {
                cancellation.ThrowIfCancellationRequested();
                using var scope = arena.Step();
                clock?.Start();
                for (var k = 0; k < options.CriticSteps; k++) lossD += CriticStep(options, transformer, sampler, data, generator, critic, optimizerD, batch, random, clock);
                lossG += GeneratorStep(options, transformer, sampler, generator, critic, optimizerG, batch, random, clock);
            }
            progress?.Report(new GanProgress(epoch, epochs, lossG / stepsPerEpoch, lossD / (stepsPerEpoch * options.CriticSteps)));
        }
        return new CtganModel(options, transformer, sampler, generator);
    }

    private static Tensor GeneratorInput(GanOptions options, int condDim, ConditionBatch cond, int batch, Generator random)
    {
        var z = Torch.Randn(random, batch, options.NoiseDim);
        return condDim > 0 ? Tensor.Concat([z, new Tensor(cond.Vectors, [batch, condDim])]) : z;
    }

    private static Tensor WithCondition(Tensor rows, float[] vectors, int condDim) =>
        condDim > 0 ? Tensor.Concat([rows, new Tensor(vectors, [rows.Rows, condDim])]) : rows;

    private static double CriticStep(
        GanOptions options, TabularTransformer transformer, ConditionSampler sampler, float[] data,
        CtganGenerator generator, PacCritic critic, Adam optimizer, int batch, Generator random, StepClock? clock)
    {
        var dim = transformer.Dimension;
        var condDim = transformer.ConditionDimension;
        var cond = sampler.SampleForTraining(batch, random);
        clock?.Lap(StepPhase.Batches);
        Tensor fake;
        using (Torch.NoGrad())
        {
            fake = CtganGenerator.Activate(generator.Forward(GeneratorInput(options, condDim, cond, batch, random)), transformer.Spans, options.Tau, random);
        }
        clock?.Lap(StepPhase.FakeRows);
        var order = new int[batch];
        for (var i = 0; i < batch; i++) order[i] = i;
        random.Shuffle(order);
        var real = TensorArena.Take(batch * dim);
        var realCond = TensorArena.Take(batch * condDim);
        for (var i = 0; i < batch; i++)
        {
            data.AsSpan(cond.Rows[order[i]] * dim, dim).CopyTo(real.AsSpan(i * dim, dim));
            cond.Vectors.AsSpan(order[i] * condDim, condDim).CopyTo(realCond.AsSpan(i * condDim, condDim));
        }
        var fakeCat = WithCondition(fake, cond.Vectors, condDim);
        var realCat = WithCondition(new Tensor(real, [batch, dim]), realCond, condDim);
        var width = dim + condDim;
        var mixed = TensorArena.Take(batch * width);
        for (var p = 0; p < batch / options.Pac; p++)
        {
            var a = random.NextFloat();
            for (var i = p * options.Pac * width; i < (p + 1) * options.Pac * width; i++) mixed[i] = a * realCat.Data[i] + (1 - a) * fakeCat.Data[i];
        }
        clock?.Lap(StepPhase.Batches);
        optimizer.ZeroGrad();
        var loss = critic.Forward(fakeCat).Mean() - critic.Forward(realCat).Mean();
        clock?.Lap(StepPhase.CriticForward);
        var total = options.GradientPenalty > 0 ? loss + critic.GradientPenalty(new Tensor(mixed, [batch, width]), options.GradientPenalty) : loss;
        clock?.Lap(StepPhase.PenaltyForward);
        total.Backward();
        clock?.Lap(StepPhase.CriticBackward);
        optimizer.Step();
        clock?.Lap(StepPhase.CriticAdam);
        return total.Item();
    }

    private static double GeneratorStep(
        GanOptions options, TabularTransformer transformer, ConditionSampler sampler,
        CtganGenerator generator, PacCritic critic, Adam optimizer, int batch, Generator random, StepClock? clock)
    {
        var condDim = transformer.ConditionDimension;
        var cond = sampler.SampleForTraining(batch, random);
        clock?.Lap(StepPhase.Batches);
        optimizer.ZeroGrad();
        var raw = generator.Forward(GeneratorInput(options, condDim, cond, batch, random));
        var fake = CtganGenerator.Activate(raw, transformer.Spans, options.Tau, random);
        clock?.Lap(StepPhase.GeneratorForward);
        var loss = -critic.Forward(WithCondition(fake, cond.Vectors, condDim)).Mean();
        if (condDim > 0) loss += ConditionLoss(raw, transformer, cond, batch);
        clock?.Lap(StepPhase.GeneratorLoss);
        loss.Backward();
        clock?.Lap(StepPhase.GeneratorBackward);
        optimizer.Step();
        critic.ZeroGrad();
        clock?.Lap(StepPhase.GeneratorAdam);
        return loss.Item();
    }

    /// <summary>CE = -(1/B) sum_i ln softmax(raw_i restricted to the conditioned column)[asked-for slot].</summary>
    internal static Tensor ConditionLoss(Tensor raw, TabularTransformer transformer, ConditionBatch cond, int batch)
    {
        Tensor? sum = null;
        for (var d = 0; d < transformer.Discrete.Count; d++)
        {
            var span = transformer.Discrete[d].Span;
            var target = new float[batch * span.Width];
            var any = false;
            for (var i = 0; i < batch; i++)
            {
                if (cond.Columns[i] != d) continue;
                target[i * span.Width + cond.Slots[i]] = 1;
                any = true;
            }
            if (!any) continue;
            var term = (raw.Columns(span.Start, span.Width).LogSoftmax() * new Tensor(target, [batch, span.Width])).Sum();
            sum = sum is null ? term : sum + term;
        }
        return sum is null ? Torch.Scalar(0f) : sum * (-1f / batch);
    }
}
