using Pipelines.Core;
using Pipelines.Trainers.Mlp;
using Pipelines.Trainers.Neural;
using Pipelines.Trainers.Neural.Modules;
using Pipelines.Trainers.Neural.Optim;

namespace Pipelines.Trainers.Distillation;

/// <summary>
/// The student's training loop: standardize with the real rows' moments, then AdamW over seeded shuffled minibatches of
/// real and synthetic rows on <see cref="DistillationLoss"/>, the learning rate cosine-annealed per epoch. With held-out
/// rows, each epoch ends with a <see cref="FidelityCheck"/>; training keeps the weights that copied the teacher best and
/// stops after <see cref="DistillStudent.EarlyStoppingPatience"/> epochs without a better one.
/// </summary>
internal static class DistillationTrainer
{
    public static (float[] Mean, float[] Scale, MlpLayer[] Layers) Fit(DistillStudent options, DistillationSet data)
    {
        var n = data.Rows;
        var k = options.Teacher.Classes.Count;
        var d = options.Teacher.Features.Count;
        var (mean, scale) = MlpTrainer.Moments(data.Features[..(data.RealRows * d)], data.RealRows, d, standardize: true);
        var inputs = Standardized(data.Features, n, d, mean, scale);
        var teacher = new Tensor(DistillationLoss.LogitsFromProbabilities(data.TeacherProbabilities), [n, k]);
        var check = data.ValidationRows == 0 || options.EarlyStoppingPatience == 0
            ? null
            : new FidelityCheck(Standardized(data.ValidationFeatures, data.ValidationRows, d, mean, scale), data.ValidationProbabilities, k, options.Temperature);
        var architecture = new MlpClassifier { HiddenSizes = options.HiddenSizes, Activation = options.Activation };
        var network = MlpNetwork.Build(architecture, d, k, new Generator(options.Seed), new Generator(options.Seed + 2));
        var optimizer = new AdamW(network.Parameters(), options.LearningRate, weightDecay: options.WeightDecay);
        var schedule = new CosineAnnealingLR(optimizer, options.Epochs);
        var loss = new DistillationLoss(options.Temperature, options.Alpha);
        var shuffle = new Generator(options.Seed + 1);
        var order = Enumerable.Range(0, n).ToArray();
        var best = (Disagreements: int.MaxValue, SoftLoss: float.PositiveInfinity);
        StateDict? bestState = null;
        var sinceBest = 0;
        var cancellation = TrainingContext.Cancellation; // the trial's token, checked per batch (so per epoch too)
        using var arena = new TensorArena();
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            network.Train();
            shuffle.Shuffle(order);
            for (var start = 0; start < n; start += options.BatchSize)
            {
                cancellation.ThrowIfCancellationRequested();
                var rows = order[start..Math.Min(n, start + options.BatchSize)];
                using var batchStep = arena.Step();
                optimizer.ZeroGrad();
                var targets = rows.Select(r => data.Targets[r]).ToArray();
                loss.Forward(network.Forward(inputs.IndexRows(rows)), teacher.IndexRows(rows), targets).Backward();
                optimizer.Step();
            }
            schedule.Step();
            if (check is null) continue;
            network.Eval();
            var fidelity = check.Measure(network);
            if (FidelityCheck.Better(fidelity, best))
            {
                best = fidelity;
                bestState = network.StateDict();
                sinceBest = 0;
            }
            else if (++sinceBest >= options.EarlyStoppingPatience) break;
        }
        if (bestState is not null) network.LoadStateDict(bestState);
        network.Eval();
        return (mean, scale, MlpNetwork.Export(network));
    }

    private static Tensor Standardized(float[] values, int rows, int d, float[] mean, float[] scale)
    {
        var x = new float[rows * d];
        for (var r = 0; r < rows; r++)
        {
            for (var j = 0; j < d; j++) x[r * d + j] = (values[r * d + j] - mean[j]) * scale[j];
        }
        return new Tensor(x, [rows, d]);
    }
}
