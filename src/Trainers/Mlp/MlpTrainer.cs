using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Evaluation;
using Pipelines.Prediction;
using Pipelines.Trainers.Neural;
using Pipelines.Trainers.Neural.Modules;
using Pipelines.Trainers.Neural.Optim;

namespace Pipelines.Trainers.Mlp;

/// <summary>
/// The training loop shared by the classifier and the regressor: standardize, split off a seeded validation part,
/// run AdamW over shuffled minibatches, keep the weights of the best validation loss, and export the layers.
/// Every random choice comes from generators seeded by the options' seed, and matrix products sum in a fixed order,
/// so the same seed gives the same model.
/// </summary>
internal static class MlpTrainer
{
    /// <summary>The loss of a batch: network outputs for rows <c>rows</c> of the training set.</summary>
    public delegate Tensor BatchLoss(Tensor outputs, int[] rows);

    public static (float[] Mean, float[] Scale, MlpLayer[] Layers) Fit(
        string step, MlpOptions options, TrainingSet set, int outputs, Column labelForSplit, BatchLoss loss)
    {
        var n = set.RowCount;
        if (n < 2) ThrowHelper.TooFewRows(step, n, 2);
        var d = set.Features.Count;
        var x = set.RowMajor();
        var (mean, scale) = Moments(x, n, d, options.Standardize);
        for (var r = 0; r < n; r++)
        {
            for (var j = 0; j < d; j++) x[r * d + j] = (x[r * d + j] - mean[j]) * scale[j];
        }
        var inputs = new Tensor(x, [n, d]);

        var (train, validation) = SplitRows(options, labelForSplit, n);
        var network = MlpNetwork.Build(options, d, outputs, new Generator(options.Seed), new Generator(options.Seed + 2));
        var optimizer = new AdamW(network.Parameters(), options.LearningRate, weightDecay: options.WeightDecay);
        var shuffle = new Generator(options.Seed + 1);
        var best = double.PositiveInfinity;
        StateDict? bestState = null;
        var sinceBest = 0;
        var order = (int[])train.Clone();
        var cancellation = TrainingContext.Cancellation; // the trial's token, checked per batch (so per epoch too)
        using var arena = new TensorArena();
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            network.Train();
            shuffle.Shuffle(order);
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                cancellation.ThrowIfCancellationRequested();
                var size = Math.Min(options.BatchSize, order.Length - start);
                if (size < 2 && options.BatchNorm) continue; // batch statistics need two rows
                var rows = order[start..(start + size)];
                using var batchStep = arena.Step();
                optimizer.ZeroGrad();
                loss(network.Forward(inputs.IndexRows(rows)), rows).Backward();
                optimizer.Step();
            }
            if (validation.Length == 0) continue;
            network.Eval();
            float value;
            using (arena.Step())
            using (Torch.NoGrad()) value = loss(network.Forward(inputs.IndexRows(validation)), validation).Item();
            if (value < best - 1e-7)
            {
                best = value;
                bestState = network.StateDict();
                sinceBest = 0;
            }
            else if (++sinceBest >= options.EarlyStoppingPatience) break;
        }
        if (bestState is not null) network.LoadStateDict(bestState);
        network.Eval();
        return (mean, scale, MlpNetwork.Export(network));
    }

    private static (int[] Train, int[] Validation) SplitRows(MlpOptions options, Column label, int n)
    {
        var all = Enumerable.Range(0, n).ToArray();
        if (options.EarlyStoppingPatience == 0 || options.ValidationFraction == 0 || n < 10) return (all, []);
        var fold = Split.TrainTest(new DataFrame([label], label: label.Name), options.ValidationFraction, options.Seed);
        return fold.Test.Length == 0 || fold.Train.Length < 2 ? (all, []) : (fold.Train, fold.Test);
    }

    /// <summary>Per-column mean and 1 / std (population); a constant column gets scale 1.</summary>
    internal static (float[] Mean, float[] Scale) Moments(float[] x, int n, int d, bool standardize)
    {
        var mean = new float[d];
        var scale = new float[d];
        Array.Fill(scale, 1f);
        if (!standardize) return (mean, scale);
        for (var j = 0; j < d; j++)
        {
            double sum = 0, squares = 0;
            for (var r = 0; r < n; r++) sum += x[r * d + j];
            var m = sum / n;
            for (var r = 0; r < n; r++) squares += (x[r * d + j] - m) * (x[r * d + j] - m);
            var std = Math.Sqrt(squares / n);
            mean[j] = (float)m;
            scale[j] = std > 1e-12 ? (float)(1 / std) : 1f;
        }
        return (mean, scale);
    }
}
