using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Trainers.Neural;
using Pipelines.Trainers.Neural.Losses;
using Pipelines.Trainers.Neural.Modules;
using Pipelines.Trainers.Neural.Optim;

namespace Pipelines.Trainers.Mlp;

/// <summary>Epochs, step size and seed of a fine-tuning run (shared by fine-tuning and compression).</summary>
internal sealed record RetrainSettings(int Epochs, float LearningRate, int BatchSize, float WeightDecay, int Seed);

/// <summary>
/// Continues training a network rebuilt from a fitted <see cref="MlpModel"/> on <see cref="MlpTrainingRows"/>: AdamW over
/// seeded shuffled minibatches for a fixed number of epochs (no early stopping), on weighted cross-entropy
/// (classification) or weighted squared error of the standardized target (regression). Only the parameters passed in
/// are updated; a hook after each optimizer step lets pruning re-apply its masks.
/// </summary>
internal static class MlpRetraining
{
    public static void Train(
        Module network, IEnumerable<Tensor> trainable, MlpTrainingRows rows, PredictionTask task, RetrainSettings settings, Action? afterStep = null)
    {
        if (settings.Epochs == 0) return;
        var parameters = trainable.ToArray();
        if (parameters.Length == 0) return;
        var optimizer = new AdamW(parameters, settings.LearningRate, weightDecay: settings.WeightDecay);
        var shuffle = new Generator(settings.Seed);
        var order = Enumerable.Range(0, rows.Count).ToArray();
        var crossEntropy = new CrossEntropyLoss();
        var squared = new MSELoss();
        var cancellation = TrainingContext.Cancellation; // the trial's token, checked per batch (so per epoch too)
        network.Train();
        using var arena = new TensorArena();
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            shuffle.Shuffle(order);
            for (var start = 0; start < order.Length; start += settings.BatchSize)
            {
                cancellation.ThrowIfCancellationRequested();
                var batch = order[start..Math.Min(order.Length, start + settings.BatchSize)];
                var weights = batch.Select(r => rows.Weights[r]).ToArray();
                using (arena.Step())
                {
                    optimizer.ZeroGrad();
                    var outputs = network.Forward(rows.Inputs.IndexRows(batch));
                    var loss = task == PredictionTask.Regression
                        ? squared.Forward(outputs, batch.Select(r => rows.Targets[r]).ToArray(), weights)
                        : crossEntropy.Forward(outputs, batch.Select(r => rows.Classes[r]).ToArray(), weights);
                    loss.Backward();
                    optimizer.Step();
                }
                afterStep?.Invoke();
            }
        }
        network.Eval();
    }

    /// <summary>A model like <paramref name="model"/> (same features, classes, scaling) with new layers.</summary>
    public static MlpModel WithLayers(MlpModel model, IReadOnlyList<MlpLayer> layers) =>
        new(model.Task, model.Features, model.Classes, model.InputMean, model.InputScale, layers, model.TargetMean, model.TargetScale);
}
